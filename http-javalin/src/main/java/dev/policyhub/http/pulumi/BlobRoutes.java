package dev.policyhub.http.pulumi;

import dev.policyhub.core.policygroups.PolicyGroupService;

/**
 * The pack archives under {@code /blobs/policypacks/{org}/{pack}/{n}.tgz}: the upload URL a publish hands out and
 * the download URL ({@code packLocation}). The CLI reaches them with a bare HTTP client, so they never read
 * {@code Authorization}; an upload carries the version's token in its query instead.
 */
final class BlobRoutes {
    /** Largest archive an upload takes. */
    static final long MAX_ARCHIVE_BYTES = 64L * 1024 * 1024;
    private static final String ARCHIVE = "/blobs/policypacks/{org}/{pack}/{number}.tgz";
    private static final PulumiRouter.Access UPLOAD = new PulumiRouter.Access(PulumiRouter.Guard.NONE, MAX_ARCHIVE_BYTES,
            "archive exceeds 64 MiB");
    private static final PulumiRouter.Access DOWNLOAD = new PulumiRouter.Access(PulumiRouter.Guard.NONE,
            PulumiRouter.MAX_JSON_BODY_BYTES, PulumiRouter.Access.API.tooLargeDetail());

    private final PolicyGroupService service;

    BlobRoutes(PolicyGroupService service) {
        this.service = service;
    }

    /** The URL of a version's archive: {@code {baseUrl}/blobs/policypacks/{org}/{pack}/{version}.tgz}. */
    static String archiveUrl(String baseUrl, String org, String pack, int version) {
        return baseUrl + "/blobs/policypacks/" + org + "/" + pack + "/" + version + ".tgz";
    }

    void register(PulumiRouter router) {
        router.add("PUT", ARCHIVE, UPLOAD, call -> {
            service.uploadPolicyPack(call.path("org"), call.path("pack"), number(call),
                    call.query("token").orElse(""), call.body());
            return PulumiResponse.emptyOk();
        });
        router.add("GET", ARCHIVE, DOWNLOAD, call -> PulumiResponse.bytes("application/gzip",
                service.downloadPolicyPack(call.path("org"), call.path("pack"), number(call))));
    }

    // anything but a version number names no archive; version 0 never exists, so the service answers not found
    private static int number(PulumiCall call) {
        String number = call.path("number");
        if (number.isEmpty() || number.length() > 9 || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return Integer.parseInt(number);
    }
}
