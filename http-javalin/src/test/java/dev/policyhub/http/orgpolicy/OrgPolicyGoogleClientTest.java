package dev.policyhub.http.orgpolicy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.AbortedException;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.orgpolicy.v2.Constraint;
import com.google.cloud.orgpolicy.v2.CustomConstraint;
import com.google.cloud.orgpolicy.v2.DeletePolicyRequest;
import com.google.cloud.orgpolicy.v2.ListConstraintsRequest;
import com.google.cloud.orgpolicy.v2.ListCustomConstraintsRequest;
import com.google.cloud.orgpolicy.v2.ListPoliciesRequest;
import com.google.cloud.orgpolicy.v2.OrgPolicyClient;
import com.google.cloud.orgpolicy.v2.OrgPolicySettings;
import com.google.cloud.orgpolicy.v2.Policy;
import com.google.cloud.orgpolicy.v2.PolicySpec;
import com.google.cloud.orgpolicy.v2.PolicySpec.PolicyRule;
import com.google.cloud.orgpolicy.v2.PolicySpec.PolicyRule.StringValues;
import com.google.cloud.orgpolicy.v2.UpdatePolicyRequest;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Google's own Java client, over its REST transport, cannot tell PolicyHub from the real service. */
@DisplayName("Google's Java client against the Org Policy v2 routes")
class OrgPolicyGoogleClientTest {
    private static TestServer server;
    private static OrgPolicyClient client;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start();
        client = OrgPolicyClient.create(OrgPolicySettings.newHttpJsonBuilder()
                .setEndpoint("http://localhost:" + server.port())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    @DisplayName("createPolicy by project id answers with the project number and a stamped spec; getPolicy returns it")
    void createAndGet() {
        Policy created = client.createPolicy("projects/web-prod", Policy.newBuilder()
                .setName("projects/web-prod/policies/compute.disableSerialPortAccess")
                .setSpec(PolicySpec.newBuilder().addRules(PolicyRule.newBuilder().setEnforce(true)))
                .build());

        assertEquals(server.project.name() + "/policies/compute.disableSerialPortAccess", created.getName());
        assertEquals(1, created.getSpec().getRulesCount());
        assertEquals(PolicyRule.KindCase.ENFORCE, created.getSpec().getRules(0).getKindCase());
        assertTrue(created.getSpec().getRules(0).getEnforce());
        assertFalse(created.getSpec().getRules(0).hasCondition());
        assertEquals(12, created.getEtag().length());
        assertEquals(12, created.getSpec().getEtag().length());
        assertNotEquals(created.getEtag(), created.getSpec().getEtag());
        Instant updated = instant(created.getSpec().getUpdateTime());
        assertFalse(updated.isBefore(TestServer.NOW));
        assertTrue(updated.isBefore(TestServer.NOW.plusMillis(1)));
        assertFalse(created.hasDryRunSpec());

        assertEquals(created, client.getPolicy("projects/web-prod/policies/compute.disableSerialPortAccess"));
        assertEquals(created, client.getPolicy(created.getName()));
    }

    @Test
    @DisplayName("listPolicies pages through every policy of a resource in constraint order")
    void listPoliciesAcrossPages() {
        Project project = newProject("paging-proj");
        List<String> constraints = List.of("compute.disableSerialPortAccess", "compute.requireOsLogin",
                "compute.requireShieldedVm", "compute.skipDefaultNetworkCreation", "sql.restrictPublicIp");
        for (String constraint : List.of(constraints.get(3), constraints.get(0), constraints.get(4),
                constraints.get(1), constraints.get(2))) {
            client.createPolicy(project.name(), enforced(project.name() + "/policies/" + constraint, true));
        }

        OrgPolicyClient.ListPoliciesPagedResponse response = client.listPolicies(ListPoliciesRequest.newBuilder()
                .setParent("projects/paging-proj").setPageSize(2).build());

        assertEquals(2, response.getPage().getPageElementCount());
        assertFalse(response.getNextPageToken().isEmpty());
        List<String> names = StreamSupport.stream(response.iterateAll().spliterator(), false).map(Policy::getName)
                .toList();
        assertEquals(constraints.stream().map(c -> project.name() + "/policies/" + c).toList(), names);
        int pages = 0;
        for (OrgPolicyClient.ListPoliciesPage ignored : response.iteratePages()) {
            pages++;
        }
        assertEquals(3, pages);
    }

    @Test
    @DisplayName("updatePolicy without a mask replaces the spec; with mask dryRunSpec it keeps the spec untouched")
    void updateWithAndWithoutMask() {
        Project project = newProject("update-proj");
        String name = "projects/update-proj/policies/gcp.restrictServiceUsage";
        Policy created = client.createPolicy(project.name(), listPolicy(name, allowed("compute.googleapis.com")));

        Policy unmasked = client.updatePolicy(listPolicy(name, allowed("storage.googleapis.com")).toBuilder()
                .setDryRunSpec(spec(denied("bigquery.googleapis.com"))).build());
        assertEquals(project.name() + "/policies/gcp.restrictServiceUsage", unmasked.getName());
        assertEquals(List.of("storage.googleapis.com"),
                unmasked.getSpec().getRules(0).getValues().getAllowedValuesList());
        assertEquals(List.of("bigquery.googleapis.com"),
                unmasked.getDryRunSpec().getRules(0).getValues().getDeniedValuesList());
        assertNotEquals(created.getEtag(), unmasked.getEtag());
        assertNotEquals(created.getSpec().getEtag(), unmasked.getSpec().getEtag());

        Policy masked = client.updatePolicy(UpdatePolicyRequest.newBuilder()
                .setPolicy(listPolicy(name, allowed("ignored.googleapis.com")).toBuilder()
                        .setDryRunSpec(spec(denied("pubsub.googleapis.com"))))
                .setUpdateMask(FieldMask.newBuilder().addPaths("dry_run_spec"))
                .build());
        assertEquals(unmasked.getSpec(), masked.getSpec());
        assertEquals(List.of("pubsub.googleapis.com"),
                masked.getDryRunSpec().getRules(0).getValues().getDeniedValuesList());
        assertNotEquals(unmasked.getDryRunSpec().getEtag(), masked.getDryRunSpec().getEtag());
        assertNotEquals(unmasked.getEtag(), masked.getEtag());
        assertEquals(masked, client.getPolicy(name));
    }

    @Test
    @DisplayName("updatePolicy with a stale etag fails with ABORTED and changes nothing")
    void updateWithStaleEtag() {
        Project project = newProject("stale-update-proj");
        Policy created = client.createPolicy(project.name(),
                enforced(project.name() + "/policies/compute.requireOsLogin", true));

        AbortedException e = assertThrows(AbortedException.class, () -> client.updatePolicy(
                enforced(created.getName(), false).toBuilder().setEtag("AAAAAAAAAAA=").build()));

        assertEquals(StatusCode.Code.ABORTED, e.getStatusCode().getCode());
        assertEquals(created, client.getPolicy(created.getName()));
        Policy updated = client.updatePolicy(enforced(created.getName(), false).toBuilder()
                .setEtag(created.getEtag()).build());
        assertFalse(updated.getSpec().getRules(0).getEnforce());
    }

    @Test
    @DisplayName("deletePolicy with a stale etag is ABORTED; with the current one it deletes; then getPolicy is 404")
    void deleteWithEtags() {
        Project project = newProject("delete-proj");
        Policy created = client.createPolicy(project.name(),
                enforced(project.name() + "/policies/storage.publicAccessPrevention", true));

        assertThrows(AbortedException.class, () -> client.deletePolicy(DeletePolicyRequest.newBuilder()
                .setName(created.getName()).setEtag("AAAAAAAAAAA=").build()));
        assertEquals(created, client.getPolicy(created.getName()));

        client.deletePolicy(DeletePolicyRequest.newBuilder().setName("projects/delete-proj/policies/"
                + "storage.publicAccessPrevention").setEtag(created.getEtag()).build());
        assertThrows(NotFoundException.class, () -> client.getPolicy(created.getName()));
        assertThrows(NotFoundException.class, () -> client.deletePolicy(created.getName()));
    }

    @Test
    @DisplayName("getEffectivePolicy merges organization, folder and project policies of a list constraint")
    void effectiveListPolicy() {
        client.createPolicy(TestServer.ORG, listPolicy(TestServer.ORG + "/policies/gcp.restrictServiceUsage",
                allowed("compute.googleapis.com", "storage.googleapis.com")));
        client.createPolicy(server.folder.name(), Policy.newBuilder()
                .setName(server.folder.name() + "/policies/gcp.restrictServiceUsage")
                .setSpec(spec(denied("storage.googleapis.com")).toBuilder().setInheritFromParent(true)).build());
        client.createPolicy("projects/web-prod", Policy.newBuilder()
                .setName("projects/web-prod/policies/gcp.restrictServiceUsage")
                .setSpec(spec(allowed("bigquery.googleapis.com")).toBuilder().setInheritFromParent(true)).build());

        Policy effective = client.getEffectivePolicy("projects/web-prod/policies/gcp.restrictServiceUsage");

        assertEquals(server.project.name() + "/policies/gcp.restrictServiceUsage", effective.getName());
        assertEquals("", effective.getEtag());
        assertFalse(effective.getSpec().hasUpdateTime());
        assertEquals("", effective.getSpec().getEtag());
        assertFalse(effective.getSpec().getInheritFromParent());
        assertEquals(1, effective.getSpec().getRulesCount());
        StringValues values = effective.getSpec().getRules(0).getValues();
        assertEquals(List.of("compute.googleapis.com", "storage.googleapis.com", "bigquery.googleapis.com"),
                values.getAllowedValuesList());
        assertEquals(List.of("storage.googleapis.com"), values.getDeniedValuesList());
        assertFalse(effective.hasDryRunSpec());

        Policy atFolder = client.getEffectivePolicy(server.folder.name() + "/policies/gcp.restrictServiceUsage");
        assertEquals(List.of("compute.googleapis.com", "storage.googleapis.com"),
                atFolder.getSpec().getRules(0).getValues().getAllowedValuesList());
    }

    @Test
    @DisplayName("getEffectivePolicy of a boolean constraint is the nearest policy, or the default where there is none")
    void effectiveBooleanPolicy() {
        client.createPolicy(TestServer.ORG, enforced(TestServer.ORG + "/policies/storage.uniformBucketLevelAccess",
                true));

        Policy inherited = client.getEffectivePolicy("projects/web-prod/policies/storage.uniformBucketLevelAccess");
        Policy byDefault = client.getEffectivePolicy("projects/web-prod/policies/"
                + "iam.disableCrossProjectServiceAccountUsage");

        assertEquals(List.of(PolicyRule.newBuilder().setEnforce(true).build()), inherited.getSpec().getRulesList());
        assertEquals(List.of(PolicyRule.newBuilder().setEnforce(true).build()), byDefault.getSpec().getRulesList());
    }

    @Test
    @DisplayName("listConstraints shows the catalog at a project, named by project number, across pages")
    void listConstraints() {
        OrgPolicyClient.ListConstraintsPagedResponse response = client.listConstraints(ListConstraintsRequest
                .newBuilder().setParent("projects/web-prod").setPageSize(10).build());

        assertEquals(10, response.getPage().getPageElementCount());
        Map<String, Constraint> byName = StreamSupport.stream(response.iterateAll().spliterator(), false)
                .collect(Collectors.toMap(Constraint::getName, Function.identity()));
        String prefix = server.project.name() + "/constraints/";
        assertTrue(byName.size() >= 25, "the shipped catalog has 25 constraints");

        Constraint locations = byName.get(prefix + "gcp.resourceLocations");
        assertEquals(Constraint.ConstraintDefault.ALLOW, locations.getConstraintDefault());
        assertEquals(Constraint.ConstraintTypeCase.LIST_CONSTRAINT, locations.getConstraintTypeCase());
        assertTrue(locations.getListConstraint().getSupportsIn());
        assertFalse(locations.getListConstraint().getSupportsUnder());
        assertTrue(locations.getSupportsDryRun());

        Constraint crossProject = byName.get(prefix + "iam.disableCrossProjectServiceAccountUsage");
        assertEquals(Constraint.ConstraintDefault.DENY, crossProject.getConstraintDefault());
        assertTrue(crossProject.hasBooleanConstraint());
        assertFalse(crossProject.getBooleanConstraint().hasCustomConstraintDefinition());

        Constraint managed = byName.get(prefix + "essentialcontacts.managed.allowedContactDomains");
        Constraint.CustomConstraintDefinition.Parameter domains = managed.getBooleanConstraint()
                .getCustomConstraintDefinition().getParametersOrThrow("allowedDomains");
        assertEquals(Constraint.CustomConstraintDefinition.Parameter.Type.LIST, domains.getType());
        assertEquals(Constraint.CustomConstraintDefinition.Parameter.Type.STRING, domains.getItem());

        assertEquals("iam.disableServiceAccountKeyCreation",
                byName.get(prefix + "iam.managed.disableServiceAccountKeyCreation").getEquivalentConstraint());
    }

    @Test
    @DisplayName("custom constraints: create, get, update, list across pages, use in a policy, delete")
    void customConstraintLifecycle() {
        CustomConstraint draft = CustomConstraint.newBuilder()
                .setName(TestServer.ORG + "/customConstraints/custom.denyPublicBuckets")
                .addResourceTypes("storage.googleapis.com/Bucket")
                .addMethodTypes(CustomConstraint.MethodType.CREATE)
                .addMethodTypes(CustomConstraint.MethodType.UPDATE)
                .setCondition("resource.iamConfiguration.publicAccessPrevention != 'enforced'")
                .setActionType(CustomConstraint.ActionType.DENY)
                .setDisplayName("No public buckets")
                .setDescription("Buckets must enforce public access prevention.")
                .build();

        CustomConstraint created = client.createCustomConstraint(TestServer.ORG, draft);
        assertEquals(draft, created.toBuilder().clearUpdateTime().build());
        assertFalse(instant(created.getUpdateTime()).isBefore(TestServer.NOW));
        assertEquals(created, client.getCustomConstraint(draft.getName()));
        assertThrows(AbortedException.class, () -> client.createCustomConstraint(TestServer.ORG, draft));

        CustomConstraint updated = client.updateCustomConstraint(draft.toBuilder()
                .setCondition("resource.location == 'us'").clearMethodTypes()
                .addMethodTypes(CustomConstraint.MethodType.CREATE).build());
        assertEquals("resource.location == 'us'", updated.getCondition());
        assertEquals(List.of(CustomConstraint.MethodType.CREATE), updated.getMethodTypesList());
        assertTrue(instant(updated.getUpdateTime()).isAfter(instant(created.getUpdateTime())));

        client.createCustomConstraint(TestServer.ORG, draft.toBuilder()
                .setName(TestServer.ORG + "/customConstraints/custom.aFirst").build());
        OrgPolicyClient.ListCustomConstraintsPagedResponse list = client.listCustomConstraints(
                ListCustomConstraintsRequest.newBuilder().setParent(TestServer.ORG).setPageSize(1).build());
        List<String> names = new ArrayList<>();
        list.iterateAll().forEach(c -> names.add(c.getName()));
        assertEquals(List.of(TestServer.ORG + "/customConstraints/custom.aFirst",
                TestServer.ORG + "/customConstraints/custom.denyPublicBuckets"), names);

        Policy policy = client.createPolicy("projects/web-prod",
                enforced("projects/web-prod/policies/custom.denyPublicBuckets", true));
        assertEquals(server.project.name() + "/policies/custom.denyPublicBuckets", policy.getName());
        Constraint asConstraint = StreamSupport.stream(client.listConstraints(TestServer.ORG).iterateAll()
                        .spliterator(), false)
                .filter(c -> c.getName().equals(TestServer.ORG + "/constraints/custom.denyPublicBuckets"))
                .findFirst().orElseThrow();
        assertTrue(asConstraint.hasBooleanConstraint());

        client.deleteCustomConstraint(draft.getName());
        assertThrows(NotFoundException.class, () -> client.getCustomConstraint(draft.getName()));
        assertThrows(NotFoundException.class, () -> client.getPolicy(policy.getName()));
        client.deleteCustomConstraint(TestServer.ORG + "/customConstraints/custom.aFirst");
    }

    @Test
    @DisplayName("missing policies, unknown constraints and unknown projects are NotFoundException")
    void notFound() {
        assertThrows(NotFoundException.class,
                () -> client.getPolicy("projects/web-prod/policies/compute.requireOsLogin"));
        assertThrows(NotFoundException.class, () -> client.getPolicy("projects/web-prod/policies/no.suchConstraint"));
        assertThrows(NotFoundException.class, () -> client.getPolicy("projects/no-such-proj/policies/"
                + "compute.requireOsLogin"));
        assertThrows(NotFoundException.class, () -> client.updatePolicy(
                enforced("projects/web-prod/policies/compute.requireShieldedVm", true)));
        assertThrows(NotFoundException.class, () -> client.getCustomConstraint(TestServer.ORG
                + "/customConstraints/custom.never"));
        assertThrows(NotFoundException.class, () -> client.getPolicy("billingAccounts/1/policies/x.y"));
    }

    @Test
    @DisplayName("invalid content and names are InvalidArgumentException")
    void invalidArgument() {
        assertThrows(InvalidArgumentException.class, () -> client.createPolicy("projects/web-prod",
                enforced("projects/web-prod/policies/gcp.resourceLocations", true)));
        assertThrows(InvalidArgumentException.class, () -> client.createPolicy("projects/web-prod",
                enforced("folders/" + server.folder.key().id() + "/policies/compute.requireOsLogin", true)));
        assertThrows(InvalidArgumentException.class, () -> client.getPolicy("folders/abc/policies/"
                + "compute.requireOsLogin"));
        assertThrows(InvalidArgumentException.class, () -> client.createCustomConstraint(TestServer.ORG,
                CustomConstraint.newBuilder().setName(TestServer.ORG + "/customConstraints/notCustom")
                        .addResourceTypes("storage.googleapis.com/Bucket")
                        .addMethodTypes(CustomConstraint.MethodType.CREATE).setCondition("true")
                        .setActionType(CustomConstraint.ActionType.ALLOW).build()));
    }

    @Test
    @DisplayName("creating an existing policy is ALREADY_EXISTS, which the client surfaces as AbortedException")
    void alreadyExists() {
        Policy policy = enforced(server.folder.name() + "/policies/compute.requireOsLogin", true);
        client.createPolicy(server.folder.name(), policy);

        AbortedException e = assertThrows(AbortedException.class,
                () -> client.createPolicy(server.folder.name(), policy));

        assertEquals(409, ((com.google.api.client.http.HttpResponseException) e.getCause()).getStatusCode());
        assertTrue(((com.google.api.client.http.HttpResponseException) e.getCause()).getContent()
                .contains("\"ALREADY_EXISTS\""));
    }

    private static Project newProject(String id) {
        return server.hub.hierarchy().createProject(NewProject.of(id, TestServer.ORG));
    }

    private static Policy enforced(String name, boolean enforce) {
        return Policy.newBuilder().setName(name)
                .setSpec(PolicySpec.newBuilder().addRules(PolicyRule.newBuilder().setEnforce(enforce))).build();
    }

    private static Policy listPolicy(String name, PolicyRule rule) {
        return Policy.newBuilder().setName(name).setSpec(spec(rule)).build();
    }

    private static PolicySpec spec(PolicyRule rule) {
        return PolicySpec.newBuilder().addRules(rule).build();
    }

    private static PolicyRule allowed(String... values) {
        return PolicyRule.newBuilder().setValues(StringValues.newBuilder().addAllAllowedValues(List.of(values)))
                .build();
    }

    private static PolicyRule denied(String... values) {
        return PolicyRule.newBuilder().setValues(StringValues.newBuilder().addAllDeniedValues(List.of(values)))
                .build();
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
