package dev.policyhub.core.orgpolicy;

import java.util.Map;
import java.util.Objects;

/**
 * A constraint as the catalog knows it, identified by {@code id} (e.g. {@code gcp.resourceLocations}); its resource
 * name is {@code {parent}/constraints/{id}} at every resource. {@code equivalentConstraint} is {@code ""} when unset.
 */
public record Constraint(String id, String displayName, String description, ConstraintDefault constraintDefault,
                         Type type, boolean supportsDryRun, boolean supportsSimulation, String equivalentConstraint) {
    public Constraint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(constraintDefault, "constraintDefault");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(equivalentConstraint, "equivalentConstraint");
    }

    /** A list or a boolean constraint. */
    public sealed interface Type permits ListType, BooleanType {}

    /** A list constraint and the value prefixes it supports. */
    public record ListType(boolean supportsIn, boolean supportsUnder) implements Type {}

    /**
     * A boolean constraint. A managed one carries a custom-constraint definition; PolicyHub keeps only its parameters
     * (an empty map and {@code managed == false} for legacy constraints).
     */
    public record BooleanType(boolean managed, Map<String, ConstraintParameter> parameters) implements Type {
        public BooleanType {
            parameters = Map.copyOf(parameters);
        }
    }

    /** A list constraint with dry-run support. */
    public static Constraint list(String id, ConstraintDefault constraintDefault, boolean supportsIn,
                                  boolean supportsUnder) {
        return new Constraint(id, id, "", constraintDefault, new ListType(supportsIn, supportsUnder), true, false, "");
    }

    /** A legacy boolean constraint with dry-run support. */
    public static Constraint bool(String id, ConstraintDefault constraintDefault) {
        return new Constraint(id, id, "", constraintDefault, new BooleanType(false, Map.of()), true, false, "");
    }

    /** A managed boolean constraint with these parameters. */
    public static Constraint managed(String id, Map<String, ConstraintParameter> parameters, String equivalent) {
        return new Constraint(id, id, "", ConstraintDefault.ALLOW, new BooleanType(true, parameters), true, false,
                equivalent);
    }

    /** True for a list constraint. */
    public boolean isList() {
        return type instanceof ListType;
    }

    /** True if {@code in:} values are accepted. */
    public boolean supportsIn() {
        return type instanceof ListType l && l.supportsIn();
    }

    /** True if {@code under:} values are accepted. */
    public boolean supportsUnder() {
        return type instanceof ListType l && l.supportsUnder();
    }

    /** Parameters a rule may carry (empty unless managed). */
    public Map<String, ConstraintParameter> parameters() {
        return type instanceof BooleanType b ? b.parameters() : Map.of();
    }

    /** The same constraint with another dry-run flag. */
    public Constraint withSupportsDryRun(boolean value) {
        return new Constraint(id, displayName, description, constraintDefault, type, value, supportsSimulation,
                equivalentConstraint);
    }

}
