package dev.policyhub.core.orgpolicy;

/** Operations a custom constraint applies to. */
public enum MethodType {
    METHOD_TYPE_UNSPECIFIED,
    CREATE,
    UPDATE,
    DELETE,
    REMOVE_GRANT,
    GOVERN_TAGS
}
