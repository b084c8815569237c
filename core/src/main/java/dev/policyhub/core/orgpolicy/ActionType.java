package dev.policyhub.core.orgpolicy;

/** Whether a custom constraint's condition allows or denies. */
public enum ActionType {
    ACTION_TYPE_UNSPECIFIED,
    ALLOW,
    DENY
}
