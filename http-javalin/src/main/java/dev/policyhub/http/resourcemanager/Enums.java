package dev.policyhub.http.resourcemanager;

import dev.policyhub.core.hierarchy.State;
import dev.policyhub.core.hierarchy.TagPurpose;
import java.util.Arrays;
import java.util.List;

/** The Resource Manager enums as names in number order, the form the wire readers and printers take. */
final class Enums {
    /** {@code google.cloud.resourcemanager.v3.*.State}: the core enum declares its values in proto order. */
    static final List<String> STATES = Arrays.stream(State.values()).map(Enum::name).toList();
    /** {@code google.cloud.resourcemanager.v3.Purpose}. */
    static final List<String> PURPOSES = Arrays.stream(TagPurpose.values()).map(Enum::name).toList();
    /** Proto name of the purpose enum, for error messages. */
    static final String PURPOSE_TYPE = "google.cloud.resourcemanager.v3.Purpose";

    private Enums() {
    }
}
