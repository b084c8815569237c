package dev.policyhub.http.pulumi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.policyhub.http.support.Gzip;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Pulumi pack archives: upload with the version's token, download once complete")
class BlobRoutesTest extends PulumiAdminTestBase {
    private static final String PACKS = "/api/orgs/acme/policypacks";

    /** Creates version 1 of aws-guard, pending; returns its upload URI. */
    private String pending() {
        organization("acme");
        BlobHttp.Reply created = http.post(PACKS, """
                {"name":"aws-guard","versionTag":"1.0.0","policies":[{"name":"p","enforcementLevel":"advisory"}]}""");
        assertStatus(201, created);
        return created.json().path("uploadURI").asText();
    }

    @Test
    @DisplayName("upload answers 200 with no body; download answers the bytes as application/gzip once complete")
    void uploadAndDownload() {
        String upload = pending();
        assertEmpty(200, http.put(upload, ARCHIVE));
        assertError(404, "Not Found: Policy Pack 'aws-guard' not found",
                http.get("/blobs/policypacks/acme/aws-guard/1.tgz"));
        assertEmpty(204, http.post(PACKS + "/aws-guard/versions/1.0.0/complete", null));
        BlobHttp.Reply download = http.get("/blobs/policypacks/acme/aws-guard/1.tgz");
        assertEquals(200, download.status());
        assertEquals("application/gzip", download.contentType());
        assertArrayEquals(ARCHIVE, download.bytes());
    }

    @Test
    @DisplayName("before completion an upload replaces the earlier one; archives larger than a JSON body are taken")
    void uploadReplaces() {
        String upload = pending();
        assertEmpty(200, http.put(upload, ARCHIVE));
        byte[] large = new byte[3 * 1024 * 1024];
        Arrays.fill(large, (byte) 7);
        assertEmpty(200, http.put(upload, large));
        assertEmpty(204, http.post(PACKS + "/aws-guard/versions/1/complete", null));
        assertArrayEquals(large, http.get("/blobs/policypacks/acme/aws-guard/1.tgz").bytes());
    }

    @Test
    @DisplayName("E37: an upload with another token or none is 403 invalid upload token")
    void badToken() {
        String upload = pending();
        String base = upload.substring(0, upload.indexOf('?'));
        assertError(403, "Forbidden: invalid upload token", http.put(base + "?token=0", ARCHIVE));
        assertError(403, "Forbidden: invalid upload token", http.put(base, ARCHIVE));
        assertError(400, "Bad Request: Policy Pack content has not been uploaded",
                http.post(PACKS + "/aws-guard/versions/1/complete", null));
    }

    @Test
    @DisplayName("E37: an archive over 64 MiB is 413 archive exceeds 64 MiB, sent as is or inflated from gzip")
    void tooLarge() {
        String upload = pending();
        byte[] over = new byte[64 * 1024 * 1024 + 1];
        assertError(413, "Request Entity Too Large: archive exceeds 64 MiB", http.put(upload, over));
        assertError(413, "Request Entity Too Large: archive exceeds 64 MiB",
                http.send("PUT", upload, Gzip.of(over), "Content-Encoding", "gzip"));
        assertError(400, "Bad Request: Policy Pack content has not been uploaded",
                http.post(PACKS + "/aws-guard/versions/1/complete", null));
    }

    @Test
    @DisplayName("E37: an upload after completion is 400 Policy Pack is already complete")
    void afterCompletion() {
        String upload = pending();
        assertEmpty(200, http.put(upload, ARCHIVE));
        assertEmpty(204, http.post(PACKS + "/aws-guard/versions/1/complete", null));
        assertError(400, "Bad Request: Policy Pack is already complete", http.put(upload, new byte[] {1}));
        assertArrayEquals(ARCHIVE, http.get("/blobs/policypacks/acme/aws-guard/1.tgz").bytes());
    }

    @Test
    @DisplayName("unknown organizations, packs and version numbers are 404")
    void notFound() {
        pending();
        assertError(404, "Not Found: Organization 'beta' not found",
                http.put("/blobs/policypacks/beta/aws-guard/1.tgz?token=x", ARCHIVE));
        assertError(404, "Not Found: Policy Pack 'cis' not found", http.put("/blobs/policypacks/acme/cis/1.tgz?token=x", ARCHIVE));
        assertError(404, "Not Found: Policy Pack 'aws-guard' not found",
                http.put("/blobs/policypacks/acme/aws-guard/latest.tgz?token=x", ARCHIVE));
        assertError(404, "Not Found: Policy Pack 'aws-guard' not found", http.get("/blobs/policypacks/acme/aws-guard/2.tgz"));
        assertError(404, "Not Found: route not found", http.get("/blobs/policypacks/acme/aws-guard/1.zip"));
    }
}
