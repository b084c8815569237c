package dev.policyhub.core.orgpolicy;

/** Type of a managed-constraint parameter. */
public enum ParameterType {
    TYPE_UNSPECIFIED,
    LIST,
    STRING,
    BOOLEAN
}
