/** PolicyHub's conformance kit: abstract suites a store runs to prove it behaves as the specification says. */
module dev.policyhub.testkit {
    requires transitive dev.policyhub.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.junit.jupiter.params;

    exports dev.policyhub.testkit;
    exports dev.policyhub.testkit.hierarchy;
    exports dev.policyhub.testkit.orgpolicy;
    exports dev.policyhub.testkit.policygroups;
    exports dev.policyhub.testkit.store;

    opens dev.policyhub.testkit to org.junit.platform.commons;
    opens dev.policyhub.testkit.hierarchy to org.junit.platform.commons;
    opens dev.policyhub.testkit.orgpolicy to org.junit.platform.commons;
    opens dev.policyhub.testkit.policygroups to org.junit.platform.commons;
    opens dev.policyhub.testkit.store to org.junit.platform.commons;
}
