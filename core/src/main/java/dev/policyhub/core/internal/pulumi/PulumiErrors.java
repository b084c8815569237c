package dev.policyhub.core.internal.pulumi;

import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;

/** Pulumi's error details (the HTTP layer prefixes the status reason, e.g. {@code Not Found: }). */
final class PulumiErrors {
    private PulumiErrors() {
    }

    static PolicyHubException badRequest(String detail) {
        return PolicyHubException.of(ErrorCode.INVALID_ARGUMENT, detail);
    }

    static PolicyHubException precondition(String detail) {
        return PolicyHubException.of(ErrorCode.FAILED_PRECONDITION, detail);
    }

    static PolicyHubException notFound(String detail) {
        return PolicyHubException.of(ErrorCode.NOT_FOUND, detail);
    }

    static PolicyHubException conflict(String detail) {
        return PolicyHubException.of(ErrorCode.ALREADY_EXISTS, detail);
    }

    static PolicyHubException organizationNotFound(String org) {
        return notFound("Organization '" + org + "' not found");
    }

    static PolicyHubException groupNotFound(String name) {
        return notFound("Policy Group '" + name + "' not found");
    }

    static PolicyHubException stackNotFound(String project, String stack) {
        return notFound("Stack '" + project + "/" + stack + "' not found");
    }

    static PolicyHubException accountNotFound(String name) {
        return notFound("Insights account '" + name + "' not found");
    }

    static PolicyHubException packNotFound(String name) {
        return notFound("Policy Pack '" + name + "' not found");
    }
}
