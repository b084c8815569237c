package dev.policyhub.http.replay;

import static dev.policyhub.http.replay.Deviation.fieldsIgnored;
import static dev.policyhub.http.replay.Deviation.notServed;
import static dev.policyhub.http.replay.Deviation.replayedEarlier;
import static dev.policyhub.http.replay.Deviation.skipped;
import static dev.policyhub.http.replay.ExchangeSelector.ANY_FIXTURE;
import static dev.policyhub.http.replay.ExchangeSelector.at;
import static dev.policyhub.http.replay.ExchangeSelector.calls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.orgpolicy.ActionType;
import dev.policyhub.core.orgpolicy.CustomConstraint;
import dev.policyhub.core.orgpolicy.MethodType;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import dev.policyhub.http.replay.Deviation.Treatment;
import dev.policyhub.http.replay.ReplayPlan.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the recorded Google traffic of {@code src/test/resources/gcp-recorded/} against a running server: every
 * Organization Policy v2 and Resource Manager v3 exchange of every fixture, in log order, each fixture on a fresh
 * store seeded with a test organization, a test folder and a test project (plus what a fixture's caveats require).
 *
 * <p>How an answer is compared:
 * <ul>
 *   <li>the status exactly, and {@code Content-Type};</li>
 *   <li>the JSON body field by field in both directions (a missing or an unexpected field fails); the values of
 *       {@code etag}, {@code updateTime}, {@code createTime} and {@code deleteTime} are not compared, their presence
 *       is;</li>
 *   <li>error bodies the same way, so {@code code}, {@code status} and {@code message} exactly: every recorded error
 *       in scope is Org Policy's {@code 404 NOT_FOUND "Requested entity was not found."}, which the server adopts
 *       verbatim, and a not-served call must answer {@code 404 NOT_FOUND "Method not found."};</li>
 *   <li>a long-running call recorded as a pending operation is compared with the log's later poll of that operation
 *       once done, because the server finishes operations at once; when the log never polls it, with the recorded
 *       answer plus {@code "done": true} and its {@code response} unchecked (operation names are captured, never
 *       compared);</li>
 *   <li>the test project named by id or by number is one name: Google echoes the spelling the caller used, the server
 *       always answers the number.</li>
 * </ul>
 * Placeholders of the seeded hierarchy have fixed values; ids the server assigns ({@code ${folderID}} of a folder the
 * log creates, {@code ${tagKeyID}}, {@code ${tagValueID}}, {@code ${operationID}}) are taken from the first answer that
 * shows them and used in later requests and expectations. {@link #REWRITES} states what the log's literal ids and its
 * ambiguous placeholders stand for; {@link #DEVIATIONS} is the one list of exchanges not matched as recorded.
 *
 * <p>Each exchange is one dynamic test named {@code #n METHOD path?query} (n counts from 1 in log order), run in
 * order inside its fixture; a failure reads {@code <fixture> #n METHOD URL: <what differs, with the JSON path of the
 * first difference>} followed by the server's answer. Later exchanges of a fixture still run after a failure.
 */
@DisplayName("Recorded Google traffic replayed against the server")
class RecordedTrafficReplayTest {
    private static final long ORGANIZATION_ID = 424242;
    private static final long TEST_FOLDER_ID = 5151;
    private static final long PROJECT_NUMBER = 616161616161L;
    private static final String UNIQUE_ID = "replay01";
    // tagbindingbasic names its project project-${uniqueId}: the seeded project plays that part in every fixture.
    private static final String PROJECT_ID = "project-" + UNIQUE_ID;
    private static final String ORGANIZATION = "organizations/" + ORGANIZATION_ID;
    private static final Pattern PROJECT_BY_ID = Pattern.compile("projects/" + Pattern.quote(PROJECT_ID) + "(?=/|$)");

    private static final Map<String, String> FIXED_PLACEHOLDERS = Map.of(
            "organizationID", String.valueOf(ORGANIZATION_ID),
            "testFolderID", String.valueOf(TEST_FOLDER_ID),
            "projectId", PROJECT_ID,
            "projectNumber", String.valueOf(PROJECT_NUMBER),
            "uniqueId", UNIQUE_ID,
            "kccVersion", "0.0.0-replay");
    // The logs reuse one placeholder for every operation; each answer names the current one.
    private static final Set<String> REBINDABLE_PLACEHOLDERS = Set.of("operationID");

    /** What literal ids and ambiguous placeholders of the logs stand for. */
    private static final List<Rewrite> REWRITES = List.of(
            Rewrite.number("1234567890", "${organizationID}",
                    "orgpolicypolicy-org uses the 'example org id' of its create.yaml for the test organization"),
            Rewrite.number("811985825579", "${organizationID}",
                    "the organization of tagbindingbasic's project, left as recorded"),
            Rewrite.number("1070934155037", "${projectNumber}",
                    "the fixed org-policy test project of the orgpolicypolicy tests, left as recorded"),
            Rewrite.number("53277142975", "${projectNumber}",
                    "the number of the project tagbindingbasic creates through v1, left as recorded"),
            Rewrite.text("orgpolicy-v1alpha1-orgpolicycustomconstraint", Pattern.quote("${folderID}"),
                    "${organizationID}", "the organization id was normalized to the folder placeholder"),
            Rewrite.text("orgpolicy-v1beta1-orgpolicypolicy-folder", Pattern.quote("${folderID}"), "${testFolderID}",
                    "the log creates no folder: its folder is the pre-existing test folder"),
            Rewrite.text("resourcemanager-v1beta1-(folderinfolder|folderorgpolicy)",
                    "(?<=\"parent\": \"folders/|parent%3Dfolders%2F)" + Pattern.quote("${folderID}"), "${testFolderID}",
                    "${folderID} stands for two folders: as a parent (request and response 'parent', the search"
                            + " query) it is the pre-existing test folder, everywhere else the folder the log creates"));

    /** Custom constraints a fixture's policy needs but its log never creates (its later dependencies.yaml does). */
    private static final Map<String, String> CONSTRAINTS_FROM_LATER_DEPENDENCIES = Map.of(
            "orgpolicy-v1beta1-orgpolicypolicy-org", "KCC CuOP org dependencies",
            "orgpolicy-v1beta1-orgpolicypolicy-folder", "KCC CuOP folder dependencies");

    private static final String CRM = "https://cloudresourcemanager\\.googleapis\\.com";
    private static final String FOLDER_CREATE_METADATA = "the recorded folder-create operations carry no metadata;"
            + " the server documents CreateFolderMetadata {displayName, parent}";

    /** Every exchange not matched exactly as recorded, and why; {@link #deviationTableIsExact} keeps it honest. */
    private static final List<Deviation> DEVIATIONS = List.of(
            notServed(calls(ANY_FIXTURE, "*", CRM + "/v1/.*"),
                    "Resource Manager v1 (projects and their operations) is not served, only the v3 subset"),
            notServed(calls(ANY_FIXTURE, "GET", CRM + "/v3/folders:search\\?.*"),
                    "folders:search is not served"),
            notServed(calls(ANY_FIXTURE, "GET", "https://cloudbilling\\.googleapis\\.com/.*"),
                    "Cloud Billing is another service, which PolicyHub does not emulate"),
            replayedEarlier(at("orgpolicy-v1beta1-orgpolicypolicy", 4), 3,
                    "the log creates the policy (#3) before its custom constraint (#4), which the live API refuses;"
                            + " the earlier recording of the same test creates the constraint first"),
            replayedEarlier(at("orgpolicy-v1beta1-orgpolicypolicydryrun", 4), 3,
                    "the log creates the policy (#3) before its custom constraint (#4), which the live API refuses;"
                            + " the earlier recording of the same test creates the constraint first"),
            skipped(at("orgpolicy-v1beta1-orgpolicypolicy-oneof-kind", 2, 3, 4, 5, 6),
                    "a policy on custom.orgpolicypolicy-params-…, which the log never creates and which is no valid"
                            + " custom constraint id, mixing enforce with list rules (allowAll and denyAll side by"
                            + " side): the recording is no evidence of live behaviour, and without #2 the rest has"
                            + " nothing to act on"),
            fieldsIgnored(calls("resourcemanager-.*", "POST", CRM + "/v3/folders\\?.*"), List.of("$.metadata"),
                    FOLDER_CREATE_METADATA),
            fieldsIgnored(at("resourcemanager-v1beta1-folderinorg", 3), List.of("$.metadata"),
                    "the poll of a folder-create operation: " + FOLDER_CREATE_METADATA),
            fieldsIgnored(calls("resourcemanager-.*", "DELETE", CRM + "/v3/folders/.*"),
                    List.of("$.name", "$.metadata", "$.response.deleteTime"),
                    "the recorded folder-delete operation has no name, no metadata and no deleteTime; the server"
                            + " documents a named operation with DeleteFolderMetadata and sets deleteTime"));

    private static PolicyHub hub;
    private static PolicyHubServer server;
    private static ReplayClient client;

    @BeforeAll
    static void startServer() {
        Clock clock = Clock.fixed(Instant.parse("2024-04-01T12:34:56.123456Z"), ZoneOffset.UTC);
        hub = PolicyHub.builder().storage("memory", Map.of()).clock(clock).build();
        server = PolicyHubServer.start(hub, ServerOptions.ephemeral());
        client = new ReplayClient(server.url());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        hub.close();
    }

    @TestFactory
    @DisplayName("every fixture, exchange by exchange")
    Stream<DynamicContainer> replaysEveryFixture() {
        return RecordedFixtures.names().stream().map(fixture -> {
            ReplayPlan plan = plan(fixture);
            FixtureReplay replay = new FixtureReplay(plan, new Placeholders(FIXED_PLACEHOLDERS, REBINDABLE_PLACEHOLDERS),
                    RecordedTrafficReplayTest::canonicalProjectName, () -> seed(fixture), client);
            return dynamicContainer(fixture,
                    plan.steps().stream().filter(RecordedTrafficReplayTest::replayed)
                            .map(step -> dynamicTest(step.displayName(), () -> replay.run(step))));
        });
    }

    @Test
    @DisplayName("every exchange is replayed or listed as a deviation, and every deviation and rewrite is used")
    void deviationTableIsExact() {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> unlisted = new ArrayList<>();
        for (String fixture : RecordedFixtures.names()) {
            for (Step step : plan(fixture).steps()) {
                String outcome = step.deviation().map(Deviation::treatment)
                        .filter(t -> t == Treatment.NOT_SERVED || t == Treatment.SKIPPED)
                        .map(Enum::name).orElse("REPLAYED");
                counts.merge(outcome, 1, Integer::sum);
                if (outcome.equals("REPLAYED") && !inScope(step.exchange())) {
                    unlisted.add(fixture + " " + step.exchange().label());
                }
            }
        }
        assertEquals(List.of(), unlisted, "exchanges outside Org Policy v2 and Resource Manager v3 that no deviation"
                + " lists");
        for (Deviation deviation : DEVIATIONS) {
            assertTrue(RecordedFixtures.names().stream().anyMatch(f -> RecordedFixtures.exchanges(f).stream()
                    .anyMatch(e -> deviation.which().selects(f, e))), "deviation selects nothing: " + deviation);
        }
        for (Rewrite rewrite : REWRITES) {
            assertTrue(RecordedFixtures.names().stream().anyMatch(f -> RecordedFixtures.exchanges(f).stream()
                    .anyMatch(e -> rewrite.changes(f, e))), "rewrite changes nothing: " + rewrite);
        }
        assertEquals(Map.of("REPLAYED", 190, "NOT_SERVED", 17, "SKIPPED", 5), counts);
    }

    // a step listed as not replayed gets no test at all: the deviation table above is where it is reported
    private static boolean replayed(Step step) {
        return step.deviation().map(d -> !d.skipsExchange()).orElse(true);
    }

    private static boolean inScope(RecordedExchange exchange) {
        return exchange.host().equals("orgpolicy.googleapis.com") && exchange.path().startsWith("/v2/")
                || exchange.host().equals("cloudresourcemanager.googleapis.com") && exchange.path().startsWith("/v3/");
    }

    private static ReplayPlan plan(String fixture) {
        return ReplayPlan.of(fixture, RecordedFixtures.exchanges(fixture), REWRITES, DEVIATIONS);
    }

    private static void seed(String fixture) {
        hub.storage().clear();
        hub.hierarchy().createOrganization(ORGANIZATION_ID, "replay.example.com", null);
        hub.hierarchy().createFolder(new NewFolder(TEST_FOLDER_ID, ORGANIZATION, "Replay test folder", Map.of()));
        hub.hierarchy().createProject(NewProject.of(PROJECT_ID, ORGANIZATION).withNumber(PROJECT_NUMBER));
        Optional.ofNullable(CONSTRAINTS_FROM_LATER_DEPENDENCIES.get(fixture)).ifPresent(displayName ->
                hub.orgPolicies().createCustomConstraint(ORGANIZATION, new CustomConstraint(
                        ORGANIZATION + "/customConstraints/custom.orgpolicypolicy" + UNIQUE_ID,
                        List.of("container.googleapis.com/NodePool"), List.of(MethodType.CREATE, MethodType.UPDATE),
                        "resource.management.autoUpgrade == false", ActionType.ALLOW, displayName, "",
                        Optional.empty())));
    }

    private static String canonicalProjectName(String text) {
        return PROJECT_BY_ID.matcher(text).replaceAll(Matcher.quoteReplacement("projects/" + PROJECT_NUMBER));
    }
}
