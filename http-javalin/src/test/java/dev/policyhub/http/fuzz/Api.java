package dev.policyhub.http.fuzz;

import dev.policyhub.http.pulumi.PulumiApi;

/** The two error dialects of the server, chosen by path. */
enum Api {
    /** Google's envelope: Org Policy, Resource Manager, the emulator's admin routes and every unknown path. */
    GOOGLE,
    /** Pulumi's shape: {@code /api}, {@code /blobs} and {@code /admin/v1/pulumi}. */
    PULUMI;

    /** The API that answers a path as the server routes it. */
    static Api of(String path) {
        return PulumiApi.serves(path) ? PULUMI : GOOGLE;
    }
}
