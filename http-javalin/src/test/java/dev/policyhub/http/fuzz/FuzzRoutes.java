package dev.policyhub.http.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route the server registers, one entry per registration, with valid parameters, queries and bodies over the
 * {@link FuzzFixture}. A route missing here fails the coverage check of the fuzz test.
 */
final class FuzzRoutes {
    private static final String POLICY = "projects/web-prod/policies/compute.disableSerialPortAccess";
    private static final String CC = "custom.denyAutoUpgradeOff";
    private static final String BINDING_PARENT = "%2F%2Fcloudresourcemanager.googleapis.com%2Ffolders%2F11";
    private static final String STACK = "/api/stacks/{org}/{project}/{stack}";
    private static final String GROUPS = "/api/orgs/{org}/policygroups";
    private static final String ACCOUNTS = "/api/preview/insights/{org}/accounts";
    private static final String PACKS = "/api/orgs/{org}/policypacks";
    private static final String VERSION = PACKS + "/{pack}/versions/{version}";

    private final List<FuzzRoute> routes = new ArrayList<>();

    private FuzzRoutes() {
    }

    /** The table; {@code operation} is the number of an operation the server logged during setup. */
    static List<FuzzRoute> all(String operation) {
        FuzzRoutes t = new FuzzRoutes();
        t.orgPolicy();
        t.resourceManager(operation);
        t.admin();
        t.pulumi();
        return List.copyOf(t.routes);
    }

    private void orgPolicy() {
        String src = "OrgPolicyRoutes";
        Map<String, List<String>> parents = params("parent",
                List.of("organizations/1", "folders/11", "projects/web-prod", "projects/102"));
        List<String> paging = List.of("", "pageSize=2", "pageSize=1&pageToken=", "prettyPrint=false");
        Map<String, List<String>> policies = params("policy", List.of(POLICY,
                "organizations/1/policies/gcp.resourceLocations", "folders/11/policies/custom.denyAutoUpgradeOff"));
        Map<String, List<String>> cc = params("org", List.of("organizations/1"), "cc", List.of(CC));
        add(src, "GET", "/v2/{parent}/constraints", parents, Set.of(), paging, null);
        add(src, "GET", "/v2/{parent}/policies", parents, Set.of(), paging, null);
        add(src, "GET", "/v2/{policy}", policies, Set.of(), List.of(""), null);
        add(src, "GET", "/v2/{policy}:getEffectivePolicy", policies, Set.of(), List.of("", "$alt=json;enum-encoding=int"),
                null);
        add(src, "POST", "/v2/{parent}/policies", params("parent", List.of("projects/api-prod")), Set.of("parent"),
                List.of(""), """
                {"name": "projects/api-prod/policies/gcp.resourceLocations",
                 "spec": {"rules": [{"values": {"allowedValues": ["in:us-locations"], "deniedValues": []},
                                     "condition": {"expression": "resource.matchTag('1/env', 'dev')", "title": "t"}},
                                    {"allowAll": true}], "inheritFromParent": true},
                 "dryRunSpec": {"rules": [{"denyAll": true}]}}""");
        add(src, "PATCH", "/v2/{policy}", params("policy", List.of(POLICY)), Set.of("policy"),
                List.of("", "updateMask=spec"), """
                {"name": "projects/web-prod/policies/compute.disableSerialPortAccess",
                 "spec": {"rules": [{"enforce": false}]}, "dryRunSpec": {"rules": [{"enforce": true}]}}""");
        add(src, "DELETE", "/v2/{policy}", params("policy", List.of(POLICY)), Set.of("policy"),
                List.of("", "etag=W1yJq2Z0"), null);
        add(src, "GET", "/v2/{parent}/policies/{constraint}:decide", params("parent",
                List.of("projects/web-prod", "organizations/1"), "constraint",
                List.of("gcp.resourceLocations", "compute.disableSerialPortAccess", CC)), Set.of(),
                List.of("", "value=us-east1", "value=eu-west1&dryRun=true"), null);
        add(src, "POST", "/v2/{org}/customConstraints", params("org", List.of("organizations/1")), Set.of("org"),
                List.of(""), """
                {"name": "organizations/1/customConstraints/custom.fuzzNew",
                 "resourceTypes": ["container.googleapis.com/Cluster"], "methodTypes": ["CREATE", "UPDATE"],
                 "condition": "resource.enabled == true", "actionType": "ALLOW", "displayName": "d",
                 "description": "x"}""");
        add(src, "PATCH", "/v2/{org}/customConstraints/{cc}", cc, Set.of("cc"), List.of(""), """
                {"name": "organizations/1/customConstraints/custom.denyAutoUpgradeOff",
                 "resourceTypes": ["container.googleapis.com/NodePool"], "methodTypes": ["CREATE"],
                 "condition": "resource.management.autoUpgrade == false", "actionType": "DENY",
                 "displayName": "renamed"}""");
        add(src, "GET", "/v2/{org}/customConstraints/{cc}", cc, Set.of(), List.of(""), null);
        add(src, "GET", "/v2/{org}/customConstraints", params("org", List.of("organizations/1")), Set.of(), paging,
                null);
        add(src, "DELETE", "/v2/{org}/customConstraints/{cc}", cc, Set.of("cc"), List.of(""), null);
    }

    private void resourceManager(String operation) {
        add("OrganizationRoutes", "GET", "/v3/organizations:search", Map.of(), Set.of(),
                List.of("", "query=displayName%3Aexample.com", "pageSize=1"), null);
        add("OrganizationRoutes", "GET", "/v3/organizations/{org}", params("org", List.of("1")), Set.of(),
                List.of(""), null);
        nodes("FolderRoutes", "folders", params("folder", List.of("11", "12")), "12",
                "{\"parent\": \"organizations/1\", \"displayName\": \"fuzz-new\"}",
                List.of("parent=organizations/1", "parent=folders/11&showDeleted=true&pageSize=1"),
                "updateMask=displayName", "{\"displayName\": \"renamed\"}", "organizations/1");
        nodes("ProjectRoutes", "projects", params("project", List.of("web-prod", "101", "api-prod")), "api-prod",
                "{\"projectId\": \"fuzz-new-1\", \"parent\": \"organizations/1\", \"displayName\": \"x\","
                        + " \"labels\": {\"a\": \"b\"}}",
                List.of("parent=folders/11", "parent=organizations/1&showDeleted=true&pageSize=1"),
                "updateMask=displayName,labels", "{\"displayName\": \"x\", \"labels\": {\"k\": \"v\"}}", "folders/11");
        tags("TagKeyRoutes", "tagKeys", "key", List.of("501", "502"), "502",
                "{\"parent\": \"organizations/1\", \"shortName\": \"fuzzkey\", \"description\": \"d\","
                        + " \"purpose\": \"GCE_FIREWALL\", \"purposeData\": {\"network\": \"n\"}}",
                "parent=organizations/1", "name=1%2Fenv");
        tags("TagValueRoutes", "tagValues", "value", List.of("601", "602", "603"), "602",
                "{\"parent\": \"tagKeys/501\", \"shortName\": \"fuzzval\", \"description\": \"d\"}",
                "parent=tagKeys/501", "name=1/env/dev");
        String src = "TagBindingRoutes";
        add(src, "POST", "/v3/tagBindings", Map.of(), Set.of(), List.of("", "validateOnly=false"),
                "{\"parent\": \"//cloudresourcemanager.googleapis.com/projects/102\", \"tagValue\": \"tagValues/602\"}");
        add(src, "GET", "/v3/tagBindings", Map.of(), Set.of(), List.of(
                "parent=//cloudresourcemanager.googleapis.com/folders/11",
                "parent=%2F%2Fcloudresourcemanager.googleapis.com%2Fprojects%2F101&pageSize=1"), null);
        add(src, "DELETE", "/v3/tagBindings/{parent}/tagValues/{value}", params("parent", List.of(BINDING_PARENT),
                "value", List.of("601")), Set.of("parent", "value"), List.of(""), null);
        add(src, "GET", "/v3/effectiveTags", Map.of(), Set.of(), List.of(
                "parent=//cloudresourcemanager.googleapis.com/projects/101",
                "parent=//cloudresourcemanager.googleapis.com/folders/12&pageSize=1"), null);
        add("ResourceManagerRoutes", "GET", "/v3/operations/{operation}", params("operation",
                List.of(operation, "cf.1")), Set.of(), List.of(""), null);
    }

    private void nodes(String src, String kind, Map<String, List<String>> ids, String target, String createBody,
                       List<String> listQueries, String mask, String patchBody, String destination) {
        String one = "/v3/" + kind + "/{" + ids.keySet().iterator().next() + "}";
        String param = ids.keySet().iterator().next();
        Map<String, List<String>> targetOnly = params(param, List.of(target));
        add(src, "POST", "/v3/" + kind, Map.of(), Set.of(), List.of(""), createBody);
        add(src, "GET", "/v3/" + kind, Map.of(), Set.of(), listQueries, null);
        add(src, "GET", one, ids, Set.of(), List.of(""), null);
        add(src, "PATCH", one, targetOnly, Set.of(param), List.of(mask), patchBody);
        add(src, "POST", one + ":move", targetOnly, Set.of(param), List.of(""),
                "{\"destinationParent\": \"" + destination + "\"}");
        add(src, "DELETE", one, targetOnly, Set.of(param), List.of(""), null);
    }

    private void tags(String src, String kind, String param, List<String> ids, String target, String createBody,
                      String listQuery, String namespaced) {
        String one = "/v3/" + kind + "/{" + param + "}";
        Map<String, List<String>> targetOnly = params(param, List.of(target));
        add(src, "POST", "/v3/" + kind, Map.of(), Set.of(), List.of("", "validateOnly=false"), createBody);
        add(src, "GET", "/v3/" + kind, Map.of(), Set.of(), List.of(listQuery, listQuery + "&pageSize=1"), null);
        add(src, "GET", "/v3/" + kind + "/namespaced", Map.of(), Set.of(), List.of(namespaced), null);
        add(src, "GET", one, params(param, ids), Set.of(), List.of(""), null);
        add(src, "PATCH", one, targetOnly, Set.of(param), List.of("updateMask=description"),
                "{\"description\": \"new\"}");
        add(src, "DELETE", one, targetOnly, Set.of(param), List.of("", "validateOnly=false"), null);
    }

    private void admin() {
        String src = "AdminRoutes";
        add(src, "POST", "/admin/v1/organizations", Map.of(), Set.of(), List.of(""),
                "{\"organizationId\": \"77\", \"displayName\": \"fuzz.example\", \"directoryCustomerId\": \"C1\"}");
        add(src, "DELETE", "/admin/v1/organizations/{org}", params("org", List.of("1")), Set.of("org"), List.of(""),
                null);
        add(src, "POST", "/admin/v1/seed", Map.of(), Set.of(), List.of(""), """
                {"organizations": [{"name": "organizations/78", "displayName": "seeded"}],
                 "folders": [{"parent": "organizations/78", "displayName": "f"}],
                 "pulumi": {"organizations": [{"name": "gamma", "stacks": [{"project": "p", "stack": "s"}]}]}}""");
        add(src, "GET", "/admin/v1/health", Map.of(), Set.of(), List.of(""), null);
        add(src, "POST", "/admin/v1/reset", Map.of(), Set.of(), List.of(""), null);
    }

    private void pulumi() {
        Map<String, List<String>> orgs = params("org", List.of("acme", "beta"));
        Map<String, List<String>> acme = params("org", List.of("acme"));
        Map<String, List<String>> group = params("org", List.of("acme"), "group", List.of("prod", "audit"));
        Map<String, List<String>> stack = params("org", List.of("acme"), "project", List.of("web"), "stack",
                List.of("prod"));
        Map<String, List<String>> stacks = params("org", List.of("acme"), "project", List.of("web", "api"), "stack",
                List.of("prod", "dev"));
        String src = "PolicyGroupRoutes";
        add(src, "GET", GROUPS, orgs, Set.of(), List.of(""), null);
        add(src, "POST", GROUPS, acme, Set.of("org"), List.of(""),
                "{\"name\": \"fuzz-group\", \"entityType\": \"stacks\", \"mode\": \"audit\", \"agentPoolId\": \"\"}");
        add(src, "GET", GROUPS + "/metadata", orgs, Set.of(), List.of(""), null);
        add(src, "GET", GROUPS + "/{group}", group, Set.of(), List.of(""), null);
        add(src, "PATCH", GROUPS + "/{group}", params("org", List.of("acme"), "group", List.of("prod")),
                Set.of("org", "group"), List.of(""), """
                {"newName": "renamed", "addStack": {"name": "dev", "routingProject": "api"},
                 "removeStack": {"name": "prod", "routingProject": "web"},
                 "addPolicyPack": {"name": "aws-guard", "version": 2, "versionTag": "1.1.0"}, "mode": "audit"}""");
        add(src, "PATCH", GROUPS + "/{group}/batch", params("org", List.of("acme"), "group", List.of("prod")),
                Set.of("org", "group"), List.of(""), """
                [{"addStack": {"name": "dev", "routingProject": "api"}},
                 {"removePolicyPack": {"name": "aws-guard", "version": 1}}, {"insightsAccounts": ["aws-main"]}]""");
        add(src, "DELETE", GROUPS + "/{group}", params("org", List.of("acme"), "group", List.of("prod")),
                Set.of("org", "group"), List.of(""), null);
        add(src, "GET", STACK + "/policygroups", stacks, Set.of(), List.of(""), null);
        add(src, "GET", STACK + "/policypacks", stacks, Set.of(), List.of("", "mode=audit"), null);
        src = "StackRoutes";
        add(src, "GET", "/api/user/stacks", Map.of(), Set.of(), List.of("", "organization=acme",
                "organization=acme&project=web&maxResults=1"), null);
        add(src, "POST", "/api/stacks/{org}/{project}", params("org", List.of("acme"), "project", List.of("web")),
                Set.of("org"), List.of(""), "{\"stackName\": \"fuzz-new\"}");
        add(src, "POST", STACK + "/rename", stack, Set.of("org", "project", "stack"), List.of(""),
                "{\"newName\": \"renamed\", \"newProject\": \"web2\"}");
        add(src, "POST", STACK + "/import", stack, Set.of("org", "project", "stack"), List.of(""),
                "{\"version\": 3, \"deployment\": {\"resources\": [{\"urn\": \"u1\"}, {\"urn\": \"u2\"}]}}");
        add(src, "GET", STACK, stacks, Set.of(), List.of(""), null);
        add(src, "DELETE", STACK, stack, Set.of("org", "project", "stack"), List.of("", "force=true"), null);
        src = "AccountRoutes";
        Map<String, List<String>> account = params("org", List.of("acme"), "account",
                List.of("aws-main", "aws-main%2Fus-east-1"));
        add(src, "GET", ACCOUNTS + "/{account}/policy/packs", account, Set.of(), List.of(""), null);
        add(src, "POST", ACCOUNTS, acme, Set.of("org"), List.of(""), """
                {"accounts": [{"name": "fuzz-acct", "provider": "aws", "environment": "ops/aws"}],
                 "skipAutoEnablePolicyPacks": true}""");
        add(src, "GET", ACCOUNTS, orgs, Set.of(), List.of("", "count=1", "parent=ops"), null);
        add(src, "POST", ACCOUNTS + "/{account}", params("org", List.of("acme"), "account", List.of("fuzz-acct")),
                Set.of("org"), List.of(""),
                "{\"provider\": \"aws\", \"environment\": \"ops/aws\", \"scanSchedule\": \"daily\", \"agentPoolID\": \"p\"}");
        add(src, "GET", ACCOUNTS + "/{account}", account, Set.of(), List.of(""), null);
        add(src, "DELETE", ACCOUNTS + "/{account}", account, Set.of("org", "account"), List.of(""), null);
        src = "PolicyPackRoutes";
        Map<String, List<String>> version = params("org", List.of("acme"), "pack", List.of("aws-guard"), "version",
                List.of("1", "2", "latest"));
        add(src, "GET", PACKS, orgs, Set.of(), List.of("", "policypack=aws-guard"), null);
        add(src, "POST", PACKS, acme, Set.of("org"), List.of(""), """
                {"name": "fuzz-pack", "displayName": "F", "versionTag": "0.1.0", "runtime": "nodejs",
                 "description": "d", "tags": ["t"],
                 "policies": [{"name": "p1", "displayName": "P", "description": "d", "enforcementLevel": "advisory",
                               "message": "m", "severity": "low", "tags": ["x"], "remediationSteps": "r",
                               "url": "u"}]}""");
        add(src, "DELETE", PACKS + "/{pack}", params("org", List.of("acme"), "pack", List.of("aws-guard")),
                Set.of("org", "pack"), List.of(""), null);
        add(src, "POST", VERSION + "/complete", version, Set.of("org", "pack", "version"), List.of(""), null);
        add(src, "GET", VERSION + "/schema", version, Set.of(), List.of(""), null);
        add(src, "GET", VERSION, version, Set.of(), List.of(""), null);
        add(src, "DELETE", VERSION, version, Set.of("org", "pack", "version"), List.of(""), null);
        src = "BlobRoutes";
        Map<String, List<String>> blob = params("org", List.of("acme"), "pack", List.of("aws-guard"), "number",
                List.of("1", "2"));
        add(src, "PUT", "/blobs/policypacks/{org}/{pack}/{number}.tgz", blob, Set.of("org", "pack", "number"),
                List.of("token=AAAAAAAA", ""), null);
        add(src, "GET", "/blobs/policypacks/{org}/{pack}/{number}.tgz", blob, Set.of(), List.of(""), null);
        src = "PulumiAdminRoutes";
        add(src, "POST", "/admin/v1/pulumi/orgs", Map.of(), Set.of(), List.of(""), "{\"name\": \"fuzz-org\"}");
        add(src, "DELETE", "/admin/v1/pulumi/orgs/{org}", params("org", List.of("beta")), Set.of("org"),
                List.of(""), null);
        add(src, "PUT", "/admin/v1/pulumi/orgs/{org}/resource-counts", acme, Set.of("org"), List.of(""), """
                {"stacks": [{"project": "web", "stack": "prod", "resourceCount": 3}],
                 "accounts": [{"name": "aws-main", "resourceCount": 5}]}""");
    }

    private void add(String source, String method, String template, Map<String, List<String>> values,
                     Set<String> mustExist, List<String> queries, String body) {
        routes.add(new FuzzRoute(source, method, template, values, mustExist, queries, body));
    }

    private static Map<String, List<String>> params(Object... pairs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) pairs[i + 1];
            out.put((String) pairs[i], values);
        }
        return out;
    }
}
