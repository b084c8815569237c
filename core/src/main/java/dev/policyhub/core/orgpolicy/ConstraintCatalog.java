package dev.policyhub.core.orgpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static dev.policyhub.core.orgpolicy.ConstraintDefault.ALLOW;
import static dev.policyhub.core.orgpolicy.ConstraintDefault.DENY;

/**
 * The constraints PolicyHub knows at every resource and the {@code in:} value groups of each. {@link #builtIn()}
 * ships a subset of Google's constraints; embedders add their own with {@link #with(Constraint)}.
 */
public final class ConstraintCatalog {
    /** The constraint whose values are locations. */
    public static final String RESOURCE_LOCATIONS = "gcp.resourceLocations";

    private final Map<String, Constraint> constraints;
    private final Map<String, ValueGroups> groups;

    private ConstraintCatalog(Map<String, Constraint> constraints, Map<String, ValueGroups> groups) {
        this.constraints = java.util.Collections.unmodifiableMap(new TreeMap<>(constraints));
        this.groups = Map.copyOf(groups);
    }

    /** Google's constraints that PolicyHub ships, with the location groups of {@code gcp.resourceLocations}. */
    public static ConstraintCatalog builtIn() {
        Map<String, Constraint> c = new LinkedHashMap<>();
        put(c, Constraint.list(RESOURCE_LOCATIONS, ALLOW, true, false));
        put(c, Constraint.list("gcp.restrictServiceUsage", ALLOW, false, false));
        put(c, Constraint.list("gcp.restrictNonCmekServices", ALLOW, false, false));
        put(c, Constraint.list("gcp.restrictCmekCryptoKeyProjects", ALLOW, false, true));
        put(c, Constraint.list("serviceuser.services", ALLOW, false, false));
        put(c, Constraint.list("iam.allowedPolicyMemberDomains", ALLOW, false, false));
        put(c, Constraint.list("iam.allowServiceAccountCredentialLifetimeExtension", DENY, false, false));
        put(c, Constraint.bool("iam.disableServiceAccountKeyCreation", ALLOW));
        put(c, Constraint.managed("iam.managed.disableServiceAccountKeyCreation", Map.of(),
                "iam.disableServiceAccountKeyCreation"));
        put(c, Constraint.bool("iam.disableCrossProjectServiceAccountUsage", DENY));
        put(c, Constraint.list("compute.vmExternalIpAccess", ALLOW, false, false));
        put(c, Constraint.list("compute.trustedImageProjects", ALLOW, false, false));
        put(c, Constraint.list("compute.restrictVpcPeering", ALLOW, false, true));
        put(c, Constraint.list("compute.restrictSharedVpcHostProjects", ALLOW, false, true));
        put(c, Constraint.bool("compute.disableSerialPortAccess", ALLOW));
        put(c, Constraint.bool("compute.requireOsLogin", ALLOW));
        put(c, Constraint.bool("compute.skipDefaultNetworkCreation", ALLOW));
        put(c, Constraint.bool("compute.requireShieldedVm", ALLOW));
        put(c, Constraint.bool("storage.uniformBucketLevelAccess", ALLOW));
        put(c, Constraint.bool("storage.publicAccessPrevention", ALLOW));
        put(c, Constraint.bool("sql.restrictPublicIp", ALLOW));
        put(c, Constraint.list("resourcemanager.allowedExportDestinations", DENY, false, true));
        put(c, Constraint.list("essentialcontacts.allowedContactDomains", ALLOW, false, false));
        put(c, Constraint.managed("essentialcontacts.managed.allowedContactDomains",
                Map.of("allowedDomains", ConstraintParameter.listOf(ParameterType.STRING)), ""));
        put(c, Constraint.list("cloudbuild.allowedWorkerPools", ALLOW, false, true));
        return new ConstraintCatalog(c, Map.of(RESOURCE_LOCATIONS, locationGroups()));
    }

    /** A catalog with no constraints at all. */
    public static ConstraintCatalog empty() {
        return new ConstraintCatalog(Map.of(), Map.of());
    }

    /** This catalog plus (or with a replaced) constraint. */
    public ConstraintCatalog with(Constraint constraint) {
        Map<String, Constraint> next = new TreeMap<>(constraints);
        next.put(constraint.id(), constraint);
        return new ConstraintCatalog(next, groups);
    }

    /** This catalog with the value groups of one constraint replaced. */
    public ConstraintCatalog withValueGroups(String constraintId, ValueGroups valueGroups) {
        Map<String, ValueGroups> next = new LinkedHashMap<>(groups);
        next.put(constraintId, valueGroups);
        return new ConstraintCatalog(constraints, next);
    }

    /** The constraint with this id. */
    public Optional<Constraint> find(String id) {
        return Optional.ofNullable(constraints.get(id));
    }

    /** Every constraint, ordered by id. */
    public List<Constraint> all() {
        return List.copyOf(constraints.values());
    }

    /** The {@code in:} groups of a constraint (none for most). */
    public ValueGroups valueGroups(String constraintId) {
        return groups.getOrDefault(constraintId, ValueGroups.none());
    }

    private static void put(Map<String, Constraint> c, Constraint constraint) {
        c.put(constraint.id(), constraint);
    }

    /** The shipped location groups: two jurisdictions and their regions, each region with its zones. */
    private static ValueGroups locationGroups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        List<String> usRegions = List.of("us-central1", "us-east1", "us-east4", "us-east5", "us-south1", "us-west1",
                "us-west2", "us-west3", "us-west4");
        List<String> euRegions = List.of("europe-central2", "europe-north1", "europe-southwest1", "europe-west1",
                "europe-west3", "europe-west4", "europe-west8", "europe-west9", "europe-west10", "europe-west12");
        g.put("in:us-locations", jurisdiction("us", usRegions));
        g.put("in:eu-locations", jurisdiction("eu", euRegions));
        List<String> regions = new ArrayList<>(usRegions);
        regions.addAll(euRegions);
        regions.addAll(List.of("europe-west2", "europe-west6", "asia-northeast1"));
        for (String region : regions) {
            String zones = switch (region) {
                case "us-central1" -> "abcf";
                case "us-east1", "europe-west1" -> "bcd";
                default -> "abc";
            };
            List<String> members = new ArrayList<>();
            members.add(region);
            zones.chars().forEach(z -> members.add(region + "-" + (char) z));
            g.put("in:" + region + "-locations", members);
        }
        return new ValueGroups(g);
    }

    private static List<String> jurisdiction(String multiRegion, List<String> regions) {
        List<String> members = new ArrayList<>();
        members.add(multiRegion);
        regions.forEach(r -> members.add("in:" + r + "-locations"));
        return members;
    }
}
