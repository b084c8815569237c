-- Version 2: Pulumi organizations, stacks, Insights accounts, the policy-pack registry and policy groups.

CREATE TABLE pulumi_orgs (
    name TEXT COLLATE "C" PRIMARY KEY
);

-- import_count is the stack's own version: how many times its state was imported.
CREATE TABLE stacks (
    org            TEXT COLLATE "C" NOT NULL,
    project        TEXT COLLATE "C" NOT NULL,
    name           TEXT COLLATE "C" NOT NULL,
    row_version    BIGINT           NOT NULL,
    resource_count BIGINT           NOT NULL,
    import_count   INTEGER          NOT NULL,
    last_update    TEXT COLLATE "C",
    PRIMARY KEY (org, project, name)
);

CREATE TABLE insights_accounts (
    org             TEXT COLLATE "C" NOT NULL,
    name            TEXT COLLATE "C" NOT NULL,
    row_version     BIGINT           NOT NULL,
    id              TEXT COLLATE "C" NOT NULL,
    provider        TEXT COLLATE "C" NOT NULL,
    environment     TEXT COLLATE "C" NOT NULL,
    scan_schedule   TEXT COLLATE "C" NOT NULL,
    provider_config TEXT COLLATE "C" NOT NULL,
    agent_pool_id   TEXT COLLATE "C" NOT NULL,
    resource_count  BIGINT           NOT NULL,
    PRIMARY KEY (org, name)
);

CREATE TABLE policy_pack_ledgers (
    org          TEXT COLLATE "C" NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    row_version  BIGINT           NOT NULL,
    last_version INTEGER          NOT NULL,
    used_tags    TEXT COLLATE "C" NOT NULL,
    runtime      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (org, name)
);

-- The key also lists an organization's pack names (each once) and a pack's versions in order.
CREATE TABLE policy_pack_versions (
    org          TEXT COLLATE "C" NOT NULL,
    name         TEXT COLLATE "C" NOT NULL,
    version      INTEGER          NOT NULL,
    row_version  BIGINT           NOT NULL,
    version_tag  TEXT COLLATE "C" NOT NULL,
    display_name TEXT COLLATE "C" NOT NULL,
    runtime      TEXT COLLATE "C" NOT NULL,
    policies     TEXT COLLATE "C" NOT NULL,
    complete     BOOLEAN          NOT NULL,
    upload_token TEXT COLLATE "C" NOT NULL,
    uploaded     BOOLEAN          NOT NULL,
    PRIMARY KEY (org, name, version)
);

-- Archives are large: they live apart, so that no list of versions ever reads them.
CREATE TABLE policy_pack_archives (
    org     TEXT COLLATE "C" NOT NULL,
    name    TEXT COLLATE "C" NOT NULL,
    version INTEGER          NOT NULL,
    content BYTEA            NOT NULL,
    PRIMARY KEY (org, name, version),
    FOREIGN KEY (org, name, version) REFERENCES policy_pack_versions (org, name, version) ON DELETE CASCADE
);

CREATE TABLE policy_groups (
    org                  TEXT COLLATE "C" NOT NULL,
    name                 TEXT COLLATE "C" NOT NULL,
    row_version          BIGINT           NOT NULL,
    entity_type          TEXT COLLATE "C" NOT NULL,
    mode                 TEXT COLLATE "C" NOT NULL,
    is_org_default       BOOLEAN          NOT NULL,
    applied_policy_packs TEXT COLLATE "C" NOT NULL,
    agent_pool_id        TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (org, name)
);

CREATE TABLE policy_group_stacks (
    org        TEXT COLLATE "C" NOT NULL,
    group_name TEXT COLLATE "C" NOT NULL,
    project    TEXT COLLATE "C" NOT NULL,
    stack      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (org, group_name, project, stack),
    FOREIGN KEY (org, group_name) REFERENCES policy_groups (org, name) ON DELETE CASCADE
);

-- The groups a stack belongs to.
CREATE INDEX policy_group_stacks_by_stack ON policy_group_stacks (org, project, stack);

CREATE TABLE policy_group_accounts (
    org        TEXT COLLATE "C" NOT NULL,
    group_name TEXT COLLATE "C" NOT NULL,
    account    TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (org, group_name, account),
    FOREIGN KEY (org, group_name) REFERENCES policy_groups (org, name) ON DELETE CASCADE
);

-- The groups an Insights account belongs to.
CREATE INDEX policy_group_accounts_by_account ON policy_group_accounts (org, account);
