-- Version 1: the Resource Manager hierarchy, its tags, organization policies, custom constraints and the
-- store-wide counters. Every versioned table has a row_version for optimistic writes; nested values are JSON text;
-- times are ISO-8601 text; a node is a type name (ORGANIZATION, FOLDER, PROJECT) plus an id. Every text column uses
-- the "C" collation, so that lists and cursors follow code point order whatever the database's default collation.

CREATE TABLE organizations (
    id                    BIGINT           PRIMARY KEY,
    row_version           BIGINT           NOT NULL,
    display_name          TEXT COLLATE "C" NOT NULL,
    directory_customer_id TEXT COLLATE "C" NOT NULL,
    state                 TEXT COLLATE "C" NOT NULL,
    create_time           TEXT COLLATE "C" NOT NULL,
    update_time           TEXT COLLATE "C" NOT NULL,
    etag                  TEXT COLLATE "C" NOT NULL
);

CREATE TABLE folders (
    id           BIGINT           PRIMARY KEY,
    row_version  BIGINT           NOT NULL,
    parent_type  TEXT COLLATE "C" NOT NULL,
    parent_id    BIGINT           NOT NULL,
    display_name TEXT COLLATE "C" NOT NULL,
    state        TEXT COLLATE "C" NOT NULL,
    create_time  TEXT COLLATE "C" NOT NULL,
    update_time  TEXT COLLATE "C" NOT NULL,
    delete_time  TEXT COLLATE "C",
    etag         TEXT COLLATE "C" NOT NULL
);

-- A parent's children in list order, (display_name, id): child lists, walks down a subtree, the fan-out count and
-- the same-name check under a parent. Walks up to the ancestors follow the primary keys.
CREATE INDEX folders_by_parent ON folders (parent_type, parent_id, display_name, id);

CREATE TABLE projects (
    number       BIGINT           PRIMARY KEY,
    row_version  BIGINT           NOT NULL,
    project_id   TEXT COLLATE "C" NOT NULL UNIQUE,
    parent_type  TEXT COLLATE "C" NOT NULL,
    parent_id    BIGINT           NOT NULL,
    display_name TEXT COLLATE "C" NOT NULL,
    labels       TEXT COLLATE "C" NOT NULL,
    state        TEXT COLLATE "C" NOT NULL,
    create_time  TEXT COLLATE "C" NOT NULL,
    update_time  TEXT COLLATE "C" NOT NULL,
    delete_time  TEXT COLLATE "C",
    etag         TEXT COLLATE "C" NOT NULL
);

CREATE INDEX projects_by_parent ON projects (parent_type, parent_id, display_name, number);

CREATE TABLE tag_keys (
    id              BIGINT           PRIMARY KEY,
    row_version     BIGINT           NOT NULL,
    parent_type     TEXT COLLATE "C" NOT NULL,
    parent_id       BIGINT           NOT NULL,
    short_name      TEXT COLLATE "C" NOT NULL,
    namespaced_name TEXT COLLATE "C" NOT NULL UNIQUE,
    description     TEXT COLLATE "C" NOT NULL,
    purpose         TEXT COLLATE "C" NOT NULL,
    purpose_data    TEXT COLLATE "C" NOT NULL,
    create_time     TEXT COLLATE "C" NOT NULL,
    update_time     TEXT COLLATE "C" NOT NULL,
    etag            TEXT COLLATE "C" NOT NULL
);

CREATE INDEX tag_keys_by_parent ON tag_keys (parent_type, parent_id, id);

CREATE TABLE tag_values (
    id              BIGINT           PRIMARY KEY,
    row_version     BIGINT           NOT NULL,
    tag_key_id      BIGINT           NOT NULL,
    short_name      TEXT COLLATE "C" NOT NULL,
    namespaced_name TEXT COLLATE "C" NOT NULL UNIQUE,
    description     TEXT COLLATE "C" NOT NULL,
    create_time     TEXT COLLATE "C" NOT NULL,
    update_time     TEXT COLLATE "C" NOT NULL,
    etag            TEXT COLLATE "C" NOT NULL
);

CREATE INDEX tag_values_by_key ON tag_values (tag_key_id, id);

-- Bindings name values and resources that may not exist (the services check that), hence no foreign keys.
CREATE TABLE tag_bindings (
    resource_type TEXT COLLATE "C" NOT NULL,
    resource_id   BIGINT           NOT NULL,
    tag_value_id  BIGINT           NOT NULL,
    PRIMARY KEY (resource_type, resource_id, tag_value_id)
);

-- Whether a value is bound anywhere.
CREATE INDEX tag_bindings_by_value ON tag_bindings (tag_value_id);

-- The key serves both the look-up of one policy and the list of a resource's policies by constraint id.
CREATE TABLE policies (
    resource_type TEXT COLLATE "C" NOT NULL,
    resource_id   BIGINT           NOT NULL,
    constraint_id TEXT COLLATE "C" NOT NULL,
    row_version   BIGINT           NOT NULL,
    name          TEXT COLLATE "C" NOT NULL,
    spec          TEXT COLLATE "C",
    dry_run_spec  TEXT COLLATE "C",
    etag          TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (resource_type, resource_id, constraint_id)
);

CREATE TABLE custom_constraints (
    organization_id BIGINT           NOT NULL,
    constraint_id   TEXT COLLATE "C" NOT NULL,
    row_version     BIGINT           NOT NULL,
    name            TEXT COLLATE "C" NOT NULL,
    resource_types  TEXT COLLATE "C" NOT NULL,
    method_types    TEXT COLLATE "C" NOT NULL,
    condition       TEXT COLLATE "C" NOT NULL,
    action_type     TEXT COLLATE "C" NOT NULL,
    display_name    TEXT COLLATE "C" NOT NULL,
    description     TEXT COLLATE "C" NOT NULL,
    update_time     TEXT COLLATE "C",
    PRIMARY KEY (organization_id, constraint_id)
);

-- next_id: the last id handed out; last_stamp: the last update stamp in microseconds.
CREATE TABLE counters (
    name  TEXT COLLATE "C" PRIMARY KEY,
    value BIGINT           NOT NULL
);

CREATE TABLE claimed_ids (
    id BIGINT PRIMARY KEY
);
