package dev.policyhub.core.internal.pulumi;

import java.util.regex.Pattern;

/** Name rules of the Pulumi side. */
final class PulumiNames {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private PulumiNames() {
    }

    /** Organizations, groups, packs, version tags, account name segments. */
    static boolean isName(String value) {
        return value != null && NAME.matcher(value).matches();
    }

    /** Stacks and projects. */
    static boolean isStackName(String value) {
        return value != null && STACK_NAME.matcher(value).matches();
    }

    /** {@code name} or {@code parent/child}, each segment a name. */
    static boolean isAccountName(String value) {
        if (value == null) {
            return false;
        }
        String[] parts = value.split("/", -1);
        if (parts.length > 2) {
            return false;
        }
        for (String part : parts) {
            if (!isName(part)) {
                return false;
            }
        }
        return true;
    }
}
