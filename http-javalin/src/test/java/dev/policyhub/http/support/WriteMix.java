package dev.policyhub.http.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.http.support.RawHttp.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * A stream of writes from several clients, each client with its own kind: Resource Manager tag keys created under
 * the client's organization, updates of one Google policy of the client's organization, Pulumi policy groups
 * created. It records which writes were acknowledged with a 2xx and which were sent without an answer, and checks
 * against a server (typically restarted on the same file) that every acknowledged write is stored with its content
 * and nothing else is.
 */
public final class WriteMix {
    private static final int KINDS = 3;
    private static final String PULUMI_ORG = "acme";
    private static final String GROUPS = "/api/orgs/" + PULUMI_ORG + "/policygroups";

    /** One write: what to send, and whose it is. */
    public record Write(String method, String path, String body, int client, int sequence) {
    }

    private final int clients;
    /** Per client: the sequences answered with a 2xx, in order. */
    private final Map<Integer, List<Integer>> acknowledged = new HashMap<>();
    /** Per client: the sequences sent whose answer never came (they may or may not have landed). */
    private final Map<Integer, Set<Integer>> unanswered = new HashMap<>();
    private final List<String> refused = new ArrayList<>();

    /** A mix for {@code clients} clients. */
    public WriteMix(int clients) {
        this.clients = clients;
        for (int c = 0; c < clients; c++) {
            acknowledged.put(c, new ArrayList<>());
            unanswered.put(c, new TreeSet<>());
        }
    }

    /** Creates what the writes need: an organization per client, the policy each updater updates, Pulumi's org. */
    public void setUp(RawHttp http) {
        for (int c = 0; c < clients; c++) {
            expect(200, http.post("/admin/v1/organizations", "{\"organizationId\":\"" + org(c) + "\"}"));
            if (c % KINDS == 1) {
                expect(200, http.post("/v2/organizations/" + org(c) + "/policies", policy(c, "initial")));
            }
        }
        expect(200, http.post("/admin/v1/pulumi/orgs", "{\"name\":\"" + PULUMI_ORG + "\"}"));
    }

    /** The {@code sequence}-th write of {@code client}. */
    public Write write(int client, int sequence) {
        switch (client % KINDS) {
            case 0:
                return new Write("POST", "/v3/tagKeys", "{\"parent\":\"organizations/" + org(client)
                        + "\",\"shortName\":\"k" + sequence + "\",\"description\":\"" + description(client, sequence)
                        + "\"}", client, sequence);
            case 1:
                return new Write("PATCH", "/v2/" + policyName(client), policy(client, "v" + sequence), client,
                        sequence);
            default:
                return new Write("POST", GROUPS, "{\"name\":\"" + group(client, sequence)
                        + "\",\"entityType\":\"stacks\"}", client, sequence);
        }
    }

    /** Records the answer to a write: a 2xx acknowledges it; any other status is counted as refused. */
    public synchronized void answered(Write write, int status) {
        if (status / 100 == 2) {
            acknowledged.get(write.client()).add(write.sequence());
        } else {
            refused.add(write.method() + " " + write.path() + " " + status);
        }
    }

    /** The writes answered with something else than a 2xx: method, path and status of each. */
    public synchronized List<String> refused() {
        return List.copyOf(refused);
    }

    /** Records a write sent whose answer never came. */
    public synchronized void unanswered(Write write) {
        unanswered.get(write.client()).add(write.sequence());
    }

    /** How many writes were acknowledged. */
    public synchronized int acknowledgedCount() {
        return acknowledged.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Waits until at least {@code minimum} writes are acknowledged and {@code atLeastMillis} have passed, so that a
     * fault lands in a stream of real size however busy the machine; fails after 30 s.
     */
    public void awaitAcknowledged(int minimum, long atLeastMillis) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(30);
        while (acknowledgedCount() < minimum || System.nanoTime() - started < TimeUnit.MILLISECONDS.toNanos(
                atLeastMillis)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledgedCount() + " of " + minimum
                        + " writes acknowledged in 30 s; " + summary());
            }
            Thread.sleep(20);
        }
    }

    /** How many writes were sent without an answer. */
    public synchronized int unansweredCount() {
        return unanswered.values().stream().mapToInt(Set::size).sum();
    }

    /** Acknowledged writes by kind, e.g. {@code tag keys 120, policy updates 80, groups 95}. */
    public synchronized String summary() {
        int[] byKind = new int[KINDS];
        acknowledged.forEach((client, sequences) -> byKind[client % KINDS] += sequences.size());
        return "acknowledged: tag keys " + byKind[0] + ", policy updates " + byKind[1] + ", groups " + byKind[2]
                + "; unanswered " + unansweredCount() + "; refused " + refused.size();
    }

    /**
     * What the server at {@code http} gets wrong: an acknowledged write missing or with other content, or a stored
     * object no write of the mix was sent for. Empty when everything acknowledged is there.
     */
    public synchronized List<String> problems(RawHttp http) {
        List<String> problems = new ArrayList<>();
        Set<String> groups = new TreeSet<>();
        Reply list = http.get(GROUPS);
        expect(200, list);
        list.json().path("policyGroups").forEach(g -> groups.add(g.path("name").asText()));
        for (int c = 0; c < clients; c++) {
            switch (c % KINDS) {
                case 0:
                    checkTagKeys(http, c, problems);
                    break;
                case 1:
                    checkPolicy(http, c, problems);
                    break;
                default:
                    checkGroups(groups, c, problems);
                    break;
            }
        }
        return problems;
    }

    private void checkTagKeys(RawHttp http, int client, List<String> problems) {
        Map<String, String> stored = new HashMap<>();
        String token = "";
        do {
            Reply page = http.get("/v3/tagKeys?parent=organizations/" + org(client) + "&pageSize=300"
                    + (token.isEmpty() ? "" : "&pageToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8)));
            expect(200, page);
            page.json().path("tagKeys").forEach(k -> stored.put(k.path("shortName").asText(),
                    k.path("description").asText()));
            token = page.json().path("nextPageToken").asText("");
        } while (!token.isEmpty());
        for (int sequence : acknowledged.get(client)) {
            String description = stored.get("k" + sequence);
            if (!description(client, sequence).equals(description)) {
                problems.add("tag key k" + sequence + " of client " + client + " was acknowledged but reads "
                        + description);
            }
        }
        for (String shortName : stored.keySet()) {
            int sequence = Integer.parseInt(shortName.substring(1));
            if (!acknowledged.get(client).contains(sequence) && !unanswered.get(client).contains(sequence)) {
                problems.add("tag key " + shortName + " of client " + client + " is stored but was never sent");
            }
        }
    }

    private void checkPolicy(RawHttp http, int client, List<String> problems) {
        Reply policy = http.get("/v2/" + policyName(client));
        expect(200, policy);
        JsonNode values = policy.json().path("spec").path("rules").path(0).path("values").path("allowedValues");
        String stored = values.size() == 1 ? values.get(0).asText() : values.toString();
        List<Integer> acked = acknowledged.get(client);
        Set<String> allowed = new TreeSet<>();
        allowed.add(acked.isEmpty() ? "initial" : "v" + acked.get(acked.size() - 1));
        int last = acked.isEmpty() ? -1 : acked.get(acked.size() - 1);
        unanswered.get(client).stream().filter(s -> s > last).forEach(s -> allowed.add("v" + s));
        if (!allowed.contains(stored)) {
            problems.add("policy of client " + client + " holds " + stored + "; the last acknowledged update (or an"
                    + " unanswered later one) is one of " + allowed);
        }
    }

    private void checkGroups(Set<String> groups, int client, List<String> problems) {
        for (int sequence : acknowledged.get(client)) {
            if (!groups.contains(group(client, sequence))) {
                problems.add("group " + group(client, sequence) + " was acknowledged but is missing");
            }
        }
        String prefix = "g" + client + "-";
        for (String name : groups) {
            if (name.startsWith(prefix)) {
                int sequence = Integer.parseInt(name.substring(prefix.length()));
                if (!acknowledged.get(client).contains(sequence) && !unanswered.get(client).contains(sequence)) {
                    problems.add("group " + name + " is stored but was never sent");
                }
            }
        }
    }

    private static void expect(int status, Reply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + ", got " + reply.status() + ": " + reply.text());
        }
    }

    private static String org(int client) {
        return String.valueOf(100 + client);
    }

    private static String policyName(int client) {
        return "organizations/" + org(client) + "/policies/gcp.resourceLocations";
    }

    private static String policy(int client, String value) {
        return "{\"name\":\"" + policyName(client) + "\",\"spec\":{\"rules\":[{\"values\":{\"allowedValues\":[\""
                + value + "\"]}}]}}";
    }

    private static String description(int client, int sequence) {
        return "client " + client + " write " + sequence;
    }

    private static String group(int client, int sequence) {
        return "g" + client + "-" + sequence;
    }
}
