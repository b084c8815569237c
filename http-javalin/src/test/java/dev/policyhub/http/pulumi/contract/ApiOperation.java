package dev.policyhub.http.pulumi.contract;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One documented operation: its id, method, path template and responses by status. */
record ApiOperation(String operationId, String method, PathTemplate path, Map<Integer, DocumentedResponse> responses) {

    /** The statuses PolicyHub may answer: those documented plus those PolicyHub adds to every such route. */
    Set<Integer> allowedStatuses() {
        Set<Integer> allowed = new TreeSet<>(responses.keySet());
        allowed.addAll(PolicyHubStatuses.beyondDocument(this));
        return allowed;
    }

    @Override
    public String toString() {
        return operationId + " (" + method + " " + path + ")";
    }
}
