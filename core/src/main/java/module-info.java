/** PolicyHub core: domain records, validation, evaluation, services and the storage SPI. JDK only. */
module dev.policyhub.core {
    exports dev.policyhub.core;
    exports dev.policyhub.core.access;
    exports dev.policyhub.core.error;
    exports dev.policyhub.core.hierarchy;
    exports dev.policyhub.core.orgpolicy;
    exports dev.policyhub.core.orgpolicy.eval;
    exports dev.policyhub.core.policygroups;
    exports dev.policyhub.core.spi;

    uses dev.policyhub.core.spi.StorageProvider;
}
