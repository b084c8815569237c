package dev.policyhub.http.replay;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.http.replay.RecordedExchange.Header;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

@DisplayName("_http.log parser")
class HttpLogParserTest {
    private static final String SAMPLE = """
            GET https://orgpolicy.googleapis.com/v2/projects/${projectId}/policies/gcp.resourceLocations?%24alt=json%3Benum-encoding%3Dint
            Content-Type: application/json
            X-Goog-Request-Params: name=projects%2F${projectId}%2Fpolicies%2Fgcp.resourceLocations

            404 Not Found
            Content-Type: application/json; charset=UTF-8
            Vary: Origin
            Vary: X-Origin

            {
              "error": {
                "code": 404,
                "message": "Requested entity was not found.",
                "status": "NOT_FOUND"
              }
            }

            ---

            PATCH https://orgpolicy.googleapis.com/v2/projects/p/policies/x?updateMask=policy.spec
            Content-Type: application/json

            {
              "name": "projects/p/policies/x"
            }

            200 OK
            Content-Type: application/json; charset=UTF-8

            {}""";

    /** Exchanges per fixture, as the fixture catalogue (FIXTURES.md) lists them. */
    private static final Map<String, Integer> CATALOGUE_COUNTS = catalogueCounts();

    private static Map<String, Integer> catalogueCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("orgpolicy-v1alpha1-orgpolicycustomconstraint", 6);
        counts.put("orgpolicy-v1alpha1-orgpolicypolicy", 10);
        counts.put("orgpolicy-v1alpha1-orgpolicypolicydryrun", 10);
        counts.put("orgpolicy-v1beta1-orgpolicycustomconstraint", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy", 12);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-dryrun-list-allowall", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-dryrun-list-values", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-folder", 4);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-full", 10);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-list", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-list-allowedvalues", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-oneof-kind", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-org", 4);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-params", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-projectwithconstraint", 10);
        counts.put("orgpolicy-v1beta1-orgpolicypolicy-spec-denyall", 6);
        counts.put("orgpolicy-v1beta1-orgpolicypolicydryrun", 12);
        counts.put("resourcemanager-v1beta1-folderinfolder", 8);
        counts.put("resourcemanager-v1beta1-folderinorg", 8);
        counts.put("resourcemanager-v1beta1-folderorgpolicy", 13);
        counts.put("tags-v1beta1-tagbindingbasic", 29);
        counts.put("tags-v1beta1-tagkeyorgbasic", 7);
        counts.put("tags-v1beta1-tagkeyprojectbasic", 7);
        counts.put("tags-v1beta1-tagvaluebasic", 14);
        return counts;
    }

    @Test
    @DisplayName("reads request line, headers, bodies and status of each exchange")
    void readsExchanges() {
        List<RecordedExchange> exchanges = HttpLogParser.parse(SAMPLE);

        assertEquals(2, exchanges.size());
        RecordedExchange get = exchanges.get(0);
        assertAll(
                () -> assertEquals(1, get.index()),
                () -> assertEquals("GET", get.method()),
                () -> assertEquals("orgpolicy.googleapis.com", get.host()),
                () -> assertEquals("/v2/projects/${projectId}/policies/gcp.resourceLocations", get.path()),
                () -> assertEquals("%24alt=json%3Benum-encoding%3Dint", get.query()),
                () -> assertEquals(List.of(new Header("Content-Type", "application/json"),
                        new Header("X-Goog-Request-Params",
                                "name=projects%2F${projectId}%2Fpolicies%2Fgcp.resourceLocations")),
                        get.requestHeaders()),
                () -> assertEquals("", get.requestBody()),
                () -> assertEquals(404, get.status()),
                () -> assertEquals(List.of("Origin", "X-Origin"), get.responseHeaders().stream()
                        .filter(h -> h.name().equals("Vary")).map(Header::value).toList()),
                () -> assertTrue(get.responseBody().startsWith("{\n  \"error\": {")),
                () -> assertTrue(get.responseBody().endsWith("}\n}")));
        RecordedExchange patch = exchanges.get(1);
        assertAll(
                () -> assertEquals(2, patch.index()),
                () -> assertEquals("PATCH", patch.method()),
                () -> assertEquals("updateMask=policy.spec", patch.query()),
                () -> assertEquals("{\n  \"name\": \"projects/p/policies/x\"\n}", patch.requestBody()),
                () -> assertEquals(200, patch.status()),
                () -> assertEquals("application/json; charset=UTF-8", patch.responseHeader("content-type").orElseThrow()),
                () -> assertEquals("{}", patch.responseBody()));
    }

    @Test
    @DisplayName("accepts CRLF line ends and refuses a block without status line")
    void lineEndsAndBrokenBlocks() {
        assertEquals(HttpLogParser.parse(SAMPLE), HttpLogParser.parse(SAMPLE.replace("\n", "\r\n")));
        assertThrows(IllegalArgumentException.class,
                () -> HttpLogParser.parse("GET https://orgpolicy.googleapis.com/v2/x\nContent-Type: a\n\n{}"));
    }

    @Test
    @DisplayName("all 24 fixtures parse into as many exchanges as the catalogue lists")
    void everyFixtureHasItsCatalogueCount() {
        Map<String, Integer> parsed = new LinkedHashMap<>();
        for (String fixture : RecordedFixtures.names()) {
            parsed.put(fixture, RecordedFixtures.exchanges(fixture).size());
        }
        assertEquals(CATALOGUE_COUNTS, parsed);
    }

    @Test
    @DisplayName("every parsed exchange is well formed: known host and verb, JSON bodies, a Content-Type answer")
    void everyExchangeIsWellFormed() {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> hosts = Set.of("orgpolicy.googleapis.com", "cloudresourcemanager.googleapis.com",
                "cloudbilling.googleapis.com");
        Set<String> verbs = Set.of("GET", "POST", "PATCH", "DELETE");
        for (String fixture : RecordedFixtures.names()) {
            for (RecordedExchange e : RecordedFixtures.exchanges(fixture)) {
                String where = fixture + " " + e.label();
                Executable body = () -> {
                    if (!e.requestBody().isEmpty()) {
                        assertTrue(mapper.readTree(e.requestBody()).isObject(), where);
                    }
                    assertTrue(mapper.readTree(e.responseBody()).isObject(), where);
                };
                assertAll(where,
                        () -> assertTrue(hosts.contains(e.host()), "host " + e.host()),
                        () -> assertTrue(verbs.contains(e.method()), "verb " + e.method()),
                        () -> assertTrue(Set.of(200, 403, 404).contains(e.status()), "status " + e.status()),
                        () -> assertTrue(e.responseHeader("Content-Type").orElse("").startsWith("application/json")),
                        body);
            }
        }
    }

    @Test
    @DisplayName("one fixture in detail: verbs, paths and statuses in log order")
    void folderInOrganizationInDetail() {
        List<String> calls = RecordedFixtures.exchanges("resourcemanager-v1beta1-folderinorg").stream()
                .map(e -> e.method() + " " + e.path() + " " + e.status()).toList();

        assertEquals(List.of(
                "GET /v3/folders:search 200",
                "POST /v3/folders 200",
                "GET /v3/operations/${operationID} 200",
                "GET /v3/folders/${folderID} 200",
                "PATCH /v3/folders/${folderID} 200",
                "GET /v3/operations/${operationID} 200",
                "GET /v3/folders/${folderID} 200",
                "DELETE /v3/folders/${folderID} 200"), calls);
    }
}
