-- Version 1: the Resource Manager hierarchy, its tags, organization policies, custom constraints and the
-- store-wide counters. Every versioned table has a row_version for optimistic writes; nested values are JSON text;
-- times are ISO-8601 text; a node is a type name (ORGANIZATION, FOLDER, PROJECT) plus an id.

CREATE TABLE organizations (
    id                    INTEGER PRIMARY KEY,
    row_version           INTEGER NOT NULL,
    display_name          TEXT    NOT NULL,
    directory_customer_id TEXT    NOT NULL,
    state                 TEXT    NOT NULL,
    create_time           TEXT    NOT NULL,
    update_time           TEXT    NOT NULL,
    etag                  TEXT    NOT NULL
) STRICT;

CREATE TABLE folders (
    id           INTEGER PRIMARY KEY,
    row_version  INTEGER NOT NULL,
    parent_type  TEXT    NOT NULL,
    parent_id    INTEGER NOT NULL,
    display_name TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    create_time  TEXT    NOT NULL,
    update_time  TEXT    NOT NULL,
    delete_time  TEXT,
    etag         TEXT    NOT NULL
) STRICT;

-- A parent's children in list order, (display_name, id): child lists, walks down a subtree, the fan-out count and
-- the same-name check under a parent. Walks up to the ancestors follow the primary keys.
CREATE INDEX folders_by_parent ON folders (parent_type, parent_id, display_name, id);

CREATE TABLE projects (
    number       INTEGER PRIMARY KEY,
    row_version  INTEGER NOT NULL,
    project_id   TEXT    NOT NULL UNIQUE,
    parent_type  TEXT    NOT NULL,
    parent_id    INTEGER NOT NULL,
    display_name TEXT    NOT NULL,
    labels       TEXT    NOT NULL,
    state        TEXT    NOT NULL,
    create_time  TEXT    NOT NULL,
    update_time  TEXT    NOT NULL,
    delete_time  TEXT,
    etag         TEXT    NOT NULL
) STRICT;

CREATE INDEX projects_by_parent ON projects (parent_type, parent_id, display_name, number);

CREATE TABLE tag_keys (
    id              INTEGER PRIMARY KEY,
    row_version     INTEGER NOT NULL,
    parent_type     TEXT    NOT NULL,
    parent_id       INTEGER NOT NULL,
    short_name      TEXT    NOT NULL,
    namespaced_name TEXT    NOT NULL UNIQUE,
    description     TEXT    NOT NULL,
    purpose         TEXT    NOT NULL,
    purpose_data    TEXT    NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL,
    etag            TEXT    NOT NULL
) STRICT;

CREATE INDEX tag_keys_by_parent ON tag_keys (parent_type, parent_id, id);

CREATE TABLE tag_values (
    id              INTEGER PRIMARY KEY,
    row_version     INTEGER NOT NULL,
    tag_key_id      INTEGER NOT NULL,
    short_name      TEXT    NOT NULL,
    namespaced_name TEXT    NOT NULL UNIQUE,
    description     TEXT    NOT NULL,
    create_time     TEXT    NOT NULL,
    update_time     TEXT    NOT NULL,
    etag            TEXT    NOT NULL
) STRICT;

CREATE INDEX tag_values_by_key ON tag_values (tag_key_id, id);

-- Bindings name values and resources that may not exist (the services check that), hence no foreign keys.
CREATE TABLE tag_bindings (
    resource_type TEXT    NOT NULL,
    resource_id   INTEGER NOT NULL,
    tag_value_id  INTEGER NOT NULL,
    PRIMARY KEY (resource_type, resource_id, tag_value_id)
) STRICT, WITHOUT ROWID;

-- Whether a value is bound anywhere.
CREATE INDEX tag_bindings_by_value ON tag_bindings (tag_value_id);

-- The key serves both the look-up of one policy and the list of a resource's policies by constraint id.
CREATE TABLE policies (
    resource_type TEXT    NOT NULL,
    resource_id   INTEGER NOT NULL,
    constraint_id TEXT    NOT NULL,
    row_version   INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    spec          TEXT,
    dry_run_spec  TEXT,
    etag          TEXT    NOT NULL,
    PRIMARY KEY (resource_type, resource_id, constraint_id)
) STRICT;

CREATE TABLE custom_constraints (
    organization_id INTEGER NOT NULL,
    constraint_id   TEXT    NOT NULL,
    row_version     INTEGER NOT NULL,
    name            TEXT    NOT NULL,
    resource_types  TEXT    NOT NULL,
    method_types    TEXT    NOT NULL,
    condition       TEXT    NOT NULL,
    action_type     TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    description     TEXT    NOT NULL,
    update_time     TEXT,
    PRIMARY KEY (organization_id, constraint_id)
) STRICT;

-- next_id: the last id handed out; last_stamp: the last update stamp in microseconds.
CREATE TABLE counters (
    name  TEXT    PRIMARY KEY,
    value INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE claimed_ids (
    id INTEGER PRIMARY KEY
) STRICT;
