package dev.policyhub.core.hierarchy;

/** What a tag key is for, beyond policies. */
public enum TagPurpose {
    PURPOSE_UNSPECIFIED,
    GCE_FIREWALL
}
