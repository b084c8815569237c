package dev.policyhub.http.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.replay.CompletedOperations.Completion;
import dev.policyhub.http.ServerOptions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

@DisplayName("Replay harness: placeholders, comparison, operations, plans")
class ReplayHarnessTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonDiff STRICT = new JsonDiff(FixtureReplay.VALUE_IGNORED, Set.of(), UnaryOperator.identity());

    private static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static RecordedExchange exchange(int index, String method, String url, int status, String body) {
        return new RecordedExchange(index, method, url, List.of(), "", status, List.of(), body.replace('\'', '"'));
    }

    @Test
    @DisplayName("placeholders: fixed values fill, server ids are captured once, operation ids every time")
    void placeholders() {
        Placeholders p = new Placeholders(Map.of("organizationID", "7"), Set.of("operationID"));
        String template = "{'name':'tagKeys/${tagKeyID}','parent':'organizations/${organizationID}',"
                + "'op':'operations/${operationID}'}";

        assertEquals("{'name':'tagKeys/${tagKeyID}','parent':'organizations/7','op':'operations/${operationID}'}",
                p.fillExpected(template));
        p.capture(json(p.fillExpected(template)), json("{'name':'tagKeys/31','op':'operations/tk.1'}"));
        assertEquals("31", p.value("tagKeyID"));
        assertEquals("operations/tk.1", p.fill("operations/${operationID}"));

        p.capture(json("{'name':'operations/${operationID}'}"), json("{'name':'operations/tv.2'}"));
        assertEquals("tv.2", p.value("operationID"));
        assertEquals(List.of("tagValueID"), Placeholders.remaining(p.fill("tagValues/${tagValueID}/${tagKeyID}")));
    }

    @Test
    @DisplayName("placeholders: a repeated placeholder must match the same text; a mismatch binds nothing")
    void captureNeedsAWholeMatch() {
        Placeholders p = new Placeholders(Map.of(), Set.of());
        p.capture(json("{'n':'tagBindings/${a}/tagValues/${a}'}"), json("{'n':'tagBindings/1/tagValues/2'}"));
        assertNull(p.value("a"));
        p.capture(json("{'n':'folders/${folderID}'}"), json("{'n':'projects/5'}"));
        assertNull(p.value("folderID"));
        p.capture(json("{'n':'tagBindings/${a}/tagValues/${a}'}"), json("{'n':'tagBindings/3/tagValues/3'}"));
        assertEquals("3", p.value("a"));
    }

    @Test
    @DisplayName("comparison names the JSON path of the first difference, in both directions")
    void comparisonPaths() {
        JsonNode expected = json("{'name':'x','spec':{'rules':[{'enforce':false}],'etag':'a'}}");

        assertEquals(Optional.empty(), STRICT.firstDifference(expected,
                json("{'spec':{'etag':'other','rules':[{'enforce':false}]},'name':'x'}")));
        assertEquals(Optional.of("$.spec.rules[0].enforce: expected false, was true"), STRICT.firstDifference(expected,
                json("{'name':'x','spec':{'rules':[{'enforce':true}],'etag':'a'}}")));
        assertEquals(Optional.of("$.spec.etag: missing (expected \"a\")"), STRICT.firstDifference(expected,
                json("{'name':'x','spec':{'rules':[{'enforce':false}]}}")));
        assertEquals(Optional.of("$.spec.rules[0].allowAll: unexpected field, was true"), STRICT.firstDifference(
                expected, json("{'name':'x','spec':{'rules':[{'enforce':false,'allowAll':true}],'etag':'a'}}")));
        assertEquals(Optional.of("$.spec.rules: expected 1 elements, was 2: [{\"enforce\":false},{}]"),
                STRICT.firstDifference(expected, json("{'name':'x','spec':{'rules':[{'enforce':false},{}],'etag':'a'}}")));
        assertEquals(Optional.of("$.response[\"@type\"]: expected \"a\", was \"b\""),
                STRICT.firstDifference(json("{'response':{'@type':'a'}}"), json("{'response':{'@type':'b'}}")));
        assertEquals(Optional.of("$.n: expected 1, was \"1\""),
                STRICT.firstDifference(json("{'n':1}"), json("{'n':'1'}")));
    }

    @Test
    @DisplayName("comparison tolerates only what it is told: ignored paths and equivalent names")
    void comparisonTolerances() {
        JsonDiff tolerant = new JsonDiff(Set.of(), Set.of("$.metadata"), s -> s.replace("projects/my-proj", "projects/9"));

        assertEquals(Optional.empty(), tolerant.firstDifference(json("{'name':'projects/my-proj/policies/x'}"),
                json("{'name':'projects/9/policies/x','metadata':{'@type':'t'}}")));
        assertEquals(Optional.of("$.name: expected \"projects/my-proj/policies/x\", was \"projects/8/policies/x\""),
                tolerant.firstDifference(json("{'name':'projects/my-proj/policies/x'}"),
                        json("{'name':'projects/8/policies/x'}")));
    }

    @Test
    @DisplayName("a pending operation is expected in the completed form of its later poll, in the call's encoding,"
            + " or done with an unchecked response when the log never polls it")
    void pendingOperations() {
        String folder = "'response':{'name':'folders/${folderID}','state':'ACTIVE'}";
        List<RecordedExchange> log = List.of(
                exchange(1, "POST", "https://cloudresourcemanager.googleapis.com/v3/folders?%24alt=json%3Benum-encoding%3Dint",
                        200, "{'name':'operations/${operationID}'}"),
                exchange(2, "GET", "https://cloudresourcemanager.googleapis.com/v3/operations/${operationID}",
                        200, "{'name':'operations/${operationID}'}"),
                exchange(3, "GET", "https://cloudresourcemanager.googleapis.com/v3/operations/${operationID}",
                        200, "{'done':true,'name':'operations/${operationID}'," + folder + "}"),
                exchange(4, "DELETE", "https://cloudresourcemanager.googleapis.com/v3/folders/1?alt=json",
                        200, "{'done':true," + folder + "}"),
                exchange(5, "PATCH", "https://cloudresourcemanager.googleapis.com/v3/folders/1?alt=json",
                        200, "{'metadata':{'@type':'m'},'name':'operations/${operationID}'}"));

        assertEquals(Optional.of(new Completion(json("{'done':true,'name':'operations/${operationID}',"
                        + "'response':{'name':'folders/${folderID}','state':1}}").toString(), Set.of())),
                CompletedOperations.expected(log, log.get(0)));
        assertEquals(Optional.empty(), CompletedOperations.expected(log, log.get(3)));
        assertEquals(Optional.of(new Completion(json("{'metadata':{'@type':'m'},'name':'operations/${operationID}',"
                        + "'done':true}").toString(), Set.of("$.response"))),
                CompletedOperations.expected(log, log.get(4)));
        assertTrue(CompletedOperations.enumsAsNumbers("%24alt=json%3Benum-encoding%3Dint"));
        assertTrue(CompletedOperations.enumsAsNumbers("$alt=json%3Benum-encoding%3Dint&x=1"));
        assertFalse(CompletedOperations.enumsAsNumbers("alt=json&prettyPrint=false"));
    }

    @Test
    @DisplayName("a plan applies rewrites, moves an exchange earlier and refuses two deviations for one exchange")
    void plans() {
        List<RecordedExchange> log = List.of(
                exchange(1, "GET", "https://orgpolicy.googleapis.com/v2/organizations/1234567890/x", 404, "{}"),
                exchange(2, "POST", "https://orgpolicy.googleapis.com/v2/projects/11234567890/policies", 200, "{}"),
                exchange(3, "POST", "https://orgpolicy.googleapis.com/v2/organizations/1/customConstraints", 200, "{}"));
        Rewrite org = Rewrite.number("1234567890", "${organizationID}", "test");
        Deviation early = Deviation.replayedEarlier(ExchangeSelector.at("f", 3), 2, "test");

        ReplayPlan plan = ReplayPlan.of("f", log, List.of(org), List.of(early));

        assertEquals(List.of(1, 3, 2), plan.steps().stream().map(s -> s.exchange().index()).toList());
        assertEquals("https://orgpolicy.googleapis.com/v2/organizations/${organizationID}/x", plan.log().get(0).url());
        assertEquals("https://orgpolicy.googleapis.com/v2/projects/11234567890/policies", plan.log().get(1).url());
        assertEquals("#3 POST /v2/organizations/1/customConstraints [replayed earlier]",
                plan.steps().get(1).displayName());
        assertThrows(IllegalStateException.class, () -> ReplayPlan.of("f", log, List.of(),
                List.of(early, Deviation.skipped(ExchangeSelector.calls(".*", "POST", ".*"), "test"))));
    }

    @Test
    @DisplayName("end to end against the server: a not-served call passes, a wrong expectation fails readably")
    void endToEnd() {
        try (PolicyHub hub = PolicyHub.builder().storage("memory", Map.of()).build();
             PolicyHubServer server = PolicyHubServer.start(hub, ServerOptions.ephemeral())) {
            List<RecordedExchange> log = List.of(
                    exchange(1, "GET", "https://cloudresourcemanager.googleapis.com/v1/projects/p-${uniqueId}?alt=json",
                            403, "{'error':{'code':403,'status':'PERMISSION_DENIED'}}"),
                    exchange(2, "GET", "https://orgpolicy.googleapis.com/v2/billingAccounts/1/policies/x", 200, "{}"),
                    exchange(3, "GET", "https://cloudbilling.googleapis.com/v1/projects/p/billingInfo", 200, "{}"),
                    exchange(4, "GET", "https://orgpolicy.googleapis.com/v2/folders/${folderID}/policies/x", 404, "{}"));
            List<Deviation> deviations = List.of(
                    Deviation.notServed(ExchangeSelector.at("f", 1), "v1"),
                    Deviation.skipped(ExchangeSelector.at("f", 3), "billing"));
            ReplayPlan plan = ReplayPlan.of("f", log, List.of(), deviations);
            int[] seeds = {0};
            FixtureReplay replay = new FixtureReplay(plan, new Placeholders(Map.of("uniqueId", "u"), Set.of()),
                    UnaryOperator.identity(), () -> seeds[0]++, new ReplayClient(server.url()));

            replay.run(plan.steps().get(0));
            AssertionFailedError wrong = assertThrows(AssertionFailedError.class, () -> replay.run(plan.steps().get(1)));
            IllegalArgumentException skipped = assertThrows(IllegalArgumentException.class,
                    () -> replay.run(plan.steps().get(2)));
            AssertionFailedError unbound = assertThrows(AssertionFailedError.class,
                    () -> replay.run(plan.steps().get(3)));

            assertEquals(1, seeds[0]);
            assertTrue(wrong.getMessage().startsWith("f #2 GET https://orgpolicy.googleapis.com/v2/billingAccounts/1/"
                    + "policies/x: status 404, expected 200\n    answer: 404 {"), wrong.getMessage());
            assertTrue(wrong.getMessage().contains("\"Method not found.\""), wrong.getMessage());
            assertEquals("not replayed: billing", skipped.getMessage());
            assertTrue(unbound.getMessage().contains("no value for ${folderID}"), unbound.getMessage());
        }
    }
}
