package dev.policyhub.testkit;

import dev.policyhub.core.orgpolicy.Constraint;
import dev.policyhub.core.orgpolicy.ConstraintDefault;

/** The {@code testing.*} constraints the kit registers next to the built-in catalog. */
public final class KitConstraints {
    /** A list constraint whose default allows everything. */
    public static final String LIST_ALLOW = "testing.listAllow";
    /** A list constraint whose default denies everything. */
    public static final String LIST_DENY = "testing.listDeny";
    /** A list constraint with an ALLOW default that supports {@code under:} values. */
    public static final String LIST_UNDER = "testing.listUnder";

    private KitConstraints() {
    }

    /** {@link #LIST_ALLOW} as a constraint. */
    public static Constraint listAllow() {
        return Constraint.list(LIST_ALLOW, ConstraintDefault.ALLOW, false, false);
    }

    /** {@link #LIST_DENY} as a constraint. */
    public static Constraint listDeny() {
        return Constraint.list(LIST_DENY, ConstraintDefault.DENY, false, false);
    }

    /** {@link #LIST_UNDER} as a constraint. */
    public static Constraint listUnder() {
        return Constraint.list(LIST_UNDER, ConstraintDefault.ALLOW, false, true);
    }
}
