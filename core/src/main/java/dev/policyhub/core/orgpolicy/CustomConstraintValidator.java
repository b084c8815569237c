package dev.policyhub.core.orgpolicy;

import dev.policyhub.core.internal.Violations;

import java.util.regex.Pattern;

/** Checks a custom constraint's content (rule V19), collecting every violation under {@code custom_constraint.*}. */
public final class CustomConstraintValidator {
    /** Longest id, {@code custom.} included. */
    public static final int MAX_ID_LENGTH = 70;
    private static final Pattern ID = Pattern.compile("custom\\.[A-Za-z0-9]+");

    private CustomConstraintValidator() {
    }

    /** Throws INVALID_ARGUMENT listing every violation of {@code constraint}, whose id is {@code id}. */
    public static void validate(String id, CustomConstraint constraint) {
        Violations v = new Violations();
        if (!ID.matcher(id).matches()) {
            v.add("custom_constraint.name", "the id must be 'custom.' followed by letters and digits, not '" + id + "'");
        } else if (id.length() > MAX_ID_LENGTH) {
            v.add("custom_constraint.name", "the id may be at most " + MAX_ID_LENGTH + " characters; '" + id
                    + "' has " + id.length());
        }
        if (constraint.resourceTypes().isEmpty()) {
            v.add("custom_constraint.resource_types", "at least one resource type is required");
        }
        for (int i = 0; i < constraint.resourceTypes().size(); i++) {
            if (constraint.resourceTypes().get(i).isBlank()) {
                v.add("custom_constraint.resource_types[" + i + "]", "resource types must not be empty");
            }
        }
        if (constraint.methodTypes().isEmpty()) {
            v.add("custom_constraint.method_types", "at least one method type is required");
        } else if (constraint.methodTypes().contains(MethodType.METHOD_TYPE_UNSPECIFIED)) {
            v.add("custom_constraint.method_types", "METHOD_TYPE_UNSPECIFIED is not a method type");
        } else if (constraint.methodTypes().stream().allMatch(m -> m == MethodType.UPDATE)) {
            v.add("custom_constraint.method_types", "UPDATE alone is not allowed; add CREATE");
        }
        int conditionLength = constraint.condition().length();
        if (conditionLength < 1 || conditionLength > 1000) {
            v.add("custom_constraint.condition", "the condition must be 1 to 1000 characters; it has "
                    + conditionLength);
        }
        if (constraint.actionType() != ActionType.ALLOW && constraint.actionType() != ActionType.DENY) {
            v.add("custom_constraint.action_type", "the action type must be ALLOW or DENY");
        }
        if (constraint.displayName().length() > 200) {
            v.add("custom_constraint.display_name", "the display name may be at most 200 characters");
        }
        if (constraint.description().length() > 2000) {
            v.add("custom_constraint.description", "the description may be at most 2000 characters");
        }
        v.throwIfAny();
    }
}
