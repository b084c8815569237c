-- Version 2: Pulumi organizations, stacks, Insights accounts, the policy-pack registry and policy groups.

CREATE TABLE pulumi_orgs (
    name TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- import_count is the stack's own version: how many times its state was imported.
CREATE TABLE stacks (
    org            TEXT    NOT NULL,
    project        TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    row_version    INTEGER NOT NULL,
    resource_count INTEGER NOT NULL,
    import_count   INTEGER NOT NULL,
    last_update    TEXT,
    PRIMARY KEY (org, project, name)
) STRICT;

CREATE TABLE insights_accounts (
    org             TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    row_version     INTEGER NOT NULL,
    id              TEXT    NOT NULL,
    provider        TEXT    NOT NULL,
    environment     TEXT    NOT NULL,
    scan_schedule   TEXT    NOT NULL,
    provider_config TEXT    NOT NULL,
    agent_pool_id   TEXT    NOT NULL,
    resource_count  INTEGER NOT NULL,
    PRIMARY KEY (org, name)
) STRICT;

CREATE TABLE policy_pack_ledgers (
    org          TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    row_version  INTEGER NOT NULL,
    last_version INTEGER NOT NULL,
    used_tags    TEXT    NOT NULL,
    runtime      TEXT    NOT NULL,
    PRIMARY KEY (org, name)
) STRICT;

-- The key also lists an organization's pack names (each once) and a pack's versions in order.
CREATE TABLE policy_pack_versions (
    org          TEXT    NOT NULL,
    name         TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    row_version  INTEGER NOT NULL,
    version_tag  TEXT    NOT NULL,
    display_name TEXT    NOT NULL,
    runtime      TEXT    NOT NULL,
    policies     TEXT    NOT NULL,
    complete     INTEGER NOT NULL CHECK (complete IN (0, 1)),
    upload_token TEXT    NOT NULL,
    uploaded     INTEGER NOT NULL CHECK (uploaded IN (0, 1)),
    PRIMARY KEY (org, name, version)
) STRICT;

-- Archives are large: they live apart, so that no list of versions ever reads them.
CREATE TABLE policy_pack_archives (
    org     TEXT    NOT NULL,
    name    TEXT    NOT NULL,
    version INTEGER NOT NULL,
    content BLOB    NOT NULL,
    PRIMARY KEY (org, name, version),
    FOREIGN KEY (org, name, version) REFERENCES policy_pack_versions (org, name, version) ON DELETE CASCADE
) STRICT;

CREATE TABLE policy_groups (
    org                  TEXT    NOT NULL,
    name                 TEXT    NOT NULL,
    row_version          INTEGER NOT NULL,
    entity_type          TEXT    NOT NULL,
    mode                 TEXT    NOT NULL,
    is_org_default       INTEGER NOT NULL CHECK (is_org_default IN (0, 1)),
    applied_policy_packs TEXT    NOT NULL,
    agent_pool_id        TEXT    NOT NULL,
    PRIMARY KEY (org, name)
) STRICT;

CREATE TABLE policy_group_stacks (
    org        TEXT NOT NULL,
    group_name TEXT NOT NULL,
    project    TEXT NOT NULL,
    stack      TEXT NOT NULL,
    PRIMARY KEY (org, group_name, project, stack),
    FOREIGN KEY (org, group_name) REFERENCES policy_groups (org, name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- The groups a stack belongs to.
CREATE INDEX policy_group_stacks_by_stack ON policy_group_stacks (org, project, stack);

CREATE TABLE policy_group_accounts (
    org        TEXT NOT NULL,
    group_name TEXT NOT NULL,
    account    TEXT NOT NULL,
    PRIMARY KEY (org, group_name, account),
    FOREIGN KEY (org, group_name) REFERENCES policy_groups (org, name) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- The groups an Insights account belongs to.
CREATE INDEX policy_group_accounts_by_account ON policy_group_accounts (org, account);
