package dev.policyhub.testkit.orgpolicy;

import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.testkit.KitConstraints;

import java.util.List;
import java.util.Optional;

/** Names and expected outputs shared by the worked evaluation cases. */
final class Cases {
    /** {@code testing.listAllow}: list, ALLOW default. */
    static final String LIST_ALLOW = KitConstraints.LIST_ALLOW;
    /** {@code testing.listDeny}: list, DENY default. */
    static final String LIST_DENY = KitConstraints.LIST_DENY;
    /** {@code testing.listUnder}: list, ALLOW default, supports {@code under:}. */
    static final String LIST_UNDER = KitConstraints.LIST_UNDER;
    /** A built-in list constraint with a DENY default. */
    static final String SA_LIFETIME = "iam.allowServiceAccountCredentialLifetimeExtension";
    /** A built-in boolean constraint with an ALLOW default. */
    static final String SERIAL_PORT = "compute.disableSerialPortAccess";
    /** A built-in boolean constraint with a DENY default. */
    static final String CROSS_PROJECT_SA = "iam.disableCrossProjectServiceAccountUsage";
    /** The locations constraint, with {@code in:} groups. */
    static final String LOCATIONS = "gcp.resourceLocations";
    /** A built-in list constraint of service names. */
    static final String SERVICE_USAGE = "gcp.restrictServiceUsage";

    /** {@code sa1@p.iam.gserviceaccount.com}. */
    static final String SA1 = "sa1@p.iam.gserviceaccount.com";
    /** {@code sa2@p.iam.gserviceaccount.com}. */
    static final String SA2 = "sa2@p.iam.gserviceaccount.com";

    /** The condition of P_T (set T). */
    static final String LOCATION_WEST = "resource.matchTag('1/location', 'us-west1')";
    /** A condition true for resources tagged {@code 1/env/dev}. */
    static final String ENV_DEV = "resource.matchTag('1/env', 'dev')";
    /** A condition true for resources tagged {@code 1/team/red}. */
    static final String TEAM_RED = "resource.matchTag('1/team', 'red')";

    /** Members of {@code in:us-east1-locations}, in table order. */
    static final List<String> US_EAST1 = List.of("us-east1", "us-east1-b", "us-east1-c", "us-east1-d");
    /** Members of {@code in:us-west1-locations}, in table order. */
    static final List<String> US_WEST1 = List.of("us-west1", "us-west1-a", "us-west1-b", "us-west1-c");

    private Cases() {
    }

    /** {@code projects/{number}}. */
    static String projects(long number) {
        return "projects/" + number;
    }

    /** {@code folders/{id}}. */
    static String folders(long id) {
        return "folders/" + id;
    }

    /** The name of a constraint's policy on a resource. */
    static String policyName(String resource, String constraint) {
        return resource + "/policies/" + constraint;
    }

    /** Out {@code A[…]}. */
    static PolicyRule outAllowed(String... values) {
        return PolicyRule.values(new StringValues(List.of(values), List.of()));
    }

    /** Out {@code D[…]}. */
    static PolicyRule outDenied(String... values) {
        return PolicyRule.values(new StringValues(List.of(), List.of(values)));
    }

    /** Out {@code A[…]D[…]}. */
    static PolicyRule outValues(List<String> allowed, List<String> denied) {
        return PolicyRule.values(new StringValues(allowed, denied));
    }

    /** The one-rule spec of an effective policy: no etag, no update time, no inheritance, no reset. */
    static PolicySpec effectiveSpec(PolicyRule rule) {
        return new PolicySpec("", Optional.empty(), List.of(rule), false, false);
    }

    /** The whole effective policy expected at a resource, without a dry-run spec. */
    static Policy effectivePolicy(String resource, String constraint, PolicyRule live) {
        return new Policy(policyName(resource, constraint), Optional.of(effectiveSpec(live)), Optional.empty(), "");
    }

    /** The whole effective policy expected at a resource, with a dry-run spec. */
    static Policy effectivePolicy(String resource, String constraint, PolicyRule live, PolicyRule dryRun) {
        return new Policy(policyName(resource, constraint), Optional.of(effectiveSpec(live)),
                Optional.of(effectiveSpec(dryRun)), "");
    }
}
