package dev.policyhub.http.pulumi.contract;

import java.util.Set;
import java.util.TreeSet;

/** Error statuses PolicyHub answers on a documented operation although the document does not list them. */
final class PolicyHubStatuses {
    /** Updates can also conflict: a rename to a taken name, or concurrent-modification retries running out. */
    private static final Set<String> CONFLICTING_UPDATES = Set.of("UpdatePolicyGroup", "BatchUpdatePolicyGroup");

    private PolicyHubStatuses() {
    }

    /** The statuses added to {@code operation}. */
    static Set<Integer> beyondDocument(ApiOperation operation) {
        Set<Integer> extra = new TreeSet<>();
        String path = operation.path().text();
        // neither document declares security: the token rule covers every /api and /admin route, never the blobs; a
        // token may be limited to some organizations, and only some tokens may use the admin routes
        if (path.startsWith("/api/") || path.startsWith("/admin/")) {
            extra.add(401);
            extra.add(403);
        }
        // every organization in a path must exist
        if (operation.path().hasParameter("orgName")) {
            extra.add(404);
        }
        if (CONFLICTING_UPDATES.contains(operation.operationId())) {
            extra.add(409);
        }
        return extra;
    }
}
