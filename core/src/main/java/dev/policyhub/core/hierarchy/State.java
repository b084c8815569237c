package dev.policyhub.core.hierarchy;

/** Life-cycle state of an organization, folder or project. */
public enum State {
    STATE_UNSPECIFIED,
    ACTIVE,
    DELETE_REQUESTED
}
