package dev.policyhub.core.orgpolicy.eval;

/** What one level of the hierarchy did to the outcome. */
public enum LevelEffect {
    /** No policy (or no spec of the evaluated kind) here: the level passes its parent's result down. */
    NO_POLICY,
    /** The level's rules are merged with the parent's result ({@code inheritFromParent}). */
    MERGES_WITH_PARENT,
    /** The level's rules replace whatever the parent said. */
    REPLACES_PARENT,
    /** The level has no applicable rule and does not inherit: the constraint default applies from here. */
    FALLS_BACK_TO_DEFAULT,
    /** {@code reset: true}: the constraint default applies from here. */
    RESETS_TO_DEFAULT,
    /** A nearer level decided already (boolean constraints) or cut inheritance (list constraints). */
    NOT_CONSULTED
}
