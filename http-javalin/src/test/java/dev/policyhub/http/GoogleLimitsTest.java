package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.http.resourcemanager.ServerTestBase;
import dev.policyhub.http.support.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The limits of the Google surface, each just under and just over, answered in Google's error envelope. */
@DisplayName("Limits of the Google surface")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoogleLimitsTest extends ServerTestBase {
    private static final int MIB = 1024 * 1024;
    private static final String POLICIES = "/v2/projects/web-prod/policies";
    private static final String DOMAINS = "iam.allowedPolicyMemberDomains";

    @Test
    @DisplayName("a body of exactly 1 MiB is read; one byte more is 413 naming the limit")
    void bodyLimit() {
        String org = "{\"organizationId\":\"5\"}";
        RawHttp.Reply atLimit = http.post("/admin/v1/organizations", org + " ".repeat(MIB - org.length()));
        assertEquals(200, atLimit.status(), atLimit.text());

        String other = "{\"organizationId\":\"6\"}";
        RawHttp.Reply over = http.post("/admin/v1/organizations", other + " ".repeat(MIB + 1 - other.length()));
        assertError(413, "INVALID_ARGUMENT", "Request payload size exceeds the limit: 1048576 bytes.", over);
        assertEquals(403, http.get("/v3/organizations/6").status());
    }

    @Test
    @DisplayName("the seed endpoint is bound by the same 1 MiB request limit")
    void seedEndpointLimit() {
        String seed = "{\"organizations\":[{\"name\":\"organizations/7\"}]}";
        assertError(413, "INVALID_ARGUMENT", "Request payload size exceeds the limit: 1048576 bytes.",
                http.post("/admin/v1/seed", seed + " ".repeat(MIB + 1 - seed.length())));
        RawHttp.Reply atLimit = http.post("/admin/v1/seed", seed + " ".repeat(MIB - seed.length()));
        assertEquals(200, atLimit.status(), atLimit.text());
    }

    @Test
    @DisplayName("a list policy may hold 500 values over both specs; 501 is 400 on policy")
    void valueCount() {
        webProject();
        RawHttp.Reply atLimit = http.post(POLICIES, policy(values(250, 8), values(250, 8)));
        assertEquals(200, atLimit.status(), atLimit.text());
        http.delete(POLICIES + "/" + DOMAINS);

        RawHttp.Reply over = http.post(POLICIES, policy(values(250, 8), values(251, 8)));
        assertBadField("policy", over);
        assertTrue(over.error().path("message").asText().contains("at most 500 values"), over.text());
    }

    @Test
    @DisplayName("a list policy may be 32 KB as compact JSON; one byte more is 400 on policy")
    void policyBytes() {
        webProject();
        // the refusal says how large the policy is: the last value is then cut to land exactly on the limit
        List<String> values = values(99, 320);
        values.add("last-" + "x".repeat(2000));
        RawHttp.Reply probe = http.post(POLICIES, policy(values, List.of()));
        assertBadField("policy", probe);
        Matcher size = Pattern.compile("this one is (\\d+)").matcher(probe.error().path("message").asText());
        assertTrue(size.find(), probe.text());
        int excess = Integer.parseInt(size.group(1)) - 32 * 1024;
        String last = values.get(values.size() - 1);

        values.set(values.size() - 1, last.substring(0, last.length() - excess + 1));
        RawHttp.Reply over = http.post(POLICIES, policy(values, List.of()));
        assertBadField("policy", over);
        assertTrue(over.error().path("message").asText().contains("this one is 32769"), over.text());

        values.set(values.size() - 1, last.substring(0, last.length() - excess));
        RawHttp.Reply atLimit = http.post(POLICIES, policy(values, List.of()));
        assertEquals(200, atLimit.status(), atLimit.text());
    }

    @Test
    @DisplayName("projects: 100 by default, a page size of 5000 answers the cap of 1000 and a next page token")
    void projectPageCap() {
        organization123();
        for (int i = 0; i < 1001; i++) {
            project("proj-" + i, "organizations/123");
        }
        JsonNode byDefault = http.get("/v3/projects?parent=organizations/123").json();
        assertEquals(100, byDefault.path("projects").size());
        JsonNode capped = http.get("/v3/projects?parent=organizations/123&pageSize=5000").json();
        assertEquals(1000, capped.path("projects").size());
        assertFalse(capped.path("nextPageToken").asText().isEmpty());
        JsonNode rest = http.get("/v3/projects?parent=organizations/123&pageSize=5000&pageToken="
                + capped.path("nextPageToken").asText()).json();
        assertEquals(1, rest.path("projects").size());
    }

    @Test
    @DisplayName("tag keys: 100 by default, a page size of 5000 answers the cap of 300")
    void tagKeyPageCap() {
        organization123();
        for (int i = 0; i < 301; i++) {
            hub.hierarchy().createTagKey(NewTagKey.of("organizations/123", "k" + i), false);
        }
        assertEquals(100, http.get("/v3/tagKeys?parent=organizations/123").json().path("tagKeys").size());
        JsonNode capped = http.get("/v3/tagKeys?parent=organizations/123&pageSize=5000").json();
        assertEquals(300, capped.path("tagKeys").size());
        assertFalse(capped.path("nextPageToken").asText().isEmpty());
    }

    @Test
    @DisplayName("a page size of 5000 is accepted on every list call; one over int32 or negative is 400 page_size")
    void pageSizeRange() {
        webProject();
        for (String list : List.of("/v3/folders?parent=organizations/123", POLICIES + "?x=1",
                "/v2/organizations/123/constraints?x=1", "/v3/tagValues?parent=tagKeys/1",
                "/v3/tagBindings?parent=//cloudresourcemanager.googleapis.com/projects/web-prod")) {
            String url = list.replace("?x=1", "?") + "&pageSize=5000";
            RawHttp.Reply reply = http.get(url);
            assertTrue(reply.status() == 200 || reply.status() == 403 || reply.status() == 404, url + reply.text());
        }
        assertBadField("page_size", http.get("/v3/folders?parent=organizations/123&pageSize=2147483648"));
        assertBadField("page_size", http.get("/v3/folders?parent=organizations/123&pageSize=-1"));
        assertBadField("page_size", http.get("/v3/folders?parent=organizations/123&pageSize=ten"));
    }

    @Test
    @DisplayName("names and tokens are checked before any lookup: each bad one is 400 naming the field")
    void pathAndQueryValidation() {
        webProject();
        assertBadField("name", http.get(POLICIES + "/" + "a".repeat(201)));
        assertEquals(404, http.get(POLICIES + "/" + "a".repeat(200)).status());
        assertBadField("name", http.get(POLICIES + "/a%0Ab"));
        assertBadField("name", http.get("/v3/folders/abc"));
        assertBadField("name", http.get("/v3/projects/" + "a".repeat(64)));
        assertBadField("name", http.get("/v3/projects/web-prod%0A"));
        assertBadField("parent", http.get("/v3/folders?parent=organizations/1x"));
        assertBadField("page_token", http.get("/v3/folders?parent=organizations/123&pageToken=" + "A".repeat(2049)));
        assertBadField("page_token", http.get("/v3/folders?parent=organizations/123&pageToken=" + "A".repeat(2048)));
    }

    private void webProject() {
        organization123();
        project("web-prod", "organizations/123");
    }

    private static List<String> values(int count, int length) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = "C" + i + "-";
            values.add(n + "x".repeat(Math.max(0, length - n.length())));
        }
        return values;
    }

    private static String policy(List<String> spec, List<String> dryRun) {
        StringBuilder json = new StringBuilder("{\"name\":\"projects/web-prod/policies/" + DOMAINS + "\"");
        json.append(",\"spec\":{\"rules\":[{\"values\":{\"allowedValues\":").append(array(spec)).append("}}]}");
        if (!dryRun.isEmpty()) {
            json.append(",\"dryRunSpec\":{\"rules\":[{\"values\":{\"deniedValues\":").append(array(dryRun))
                    .append("}}]}");
        }
        return json.append('}').toString();
    }

    private static String array(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String v : values) {
            out.append(out.length() > 1 ? "," : "").append('"').append(v).append('"');
        }
        return out.append(']').toString();
    }
}
