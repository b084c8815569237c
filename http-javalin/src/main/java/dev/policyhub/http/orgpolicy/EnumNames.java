package dev.policyhub.http.orgpolicy;

import java.util.Arrays;
import java.util.List;

/** The names of a core enum in declaration order, which is the proto number order of the matching wire enum. */
final class EnumNames {
    private EnumNames() {
    }

    static List<String> of(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }
}
