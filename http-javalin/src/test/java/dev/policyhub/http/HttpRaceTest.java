package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.orgpolicy.Policy;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.RawHttp.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Eight HTTP clients racing on one resource, on a real server over each store: etag-guarded Google policy updates and
 * Pulumi batch updates. Every request ends as landed or refused in the API's own conflict shape, and nothing that
 * landed is overwritten by another client's update.
 */
@DisplayName("Concurrent updates over HTTP: no lost update, every loser refused in the API's shape")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpRaceTest {
    private static final int CLIENTS = 8;
    private static final int ATTEMPTS_PER_CLIENT = 15;
    private static final String ORG = "organizations/1";
    private static final String POLICY = ORG + "/policies/gcp.resourceLocations";
    private static final String PULUMI_ORG = "acme";
    private static final String GROUP_PATH = "/api/orgs/" + PULUMI_ORG + "/policygroups/shared";

    @TempDir
    Path dir;

    /** What one client saw of one etag-guarded update. */
    private record EtagUpdate(String value, String baseEtag, int status, Optional<String> newEtag) {
    }

    /** What one client saw of one batch: the stack it added, the stack it added and removed, the answer. */
    private record Batch(String kept, String dropped, int status) {
    }

    @ParameterizedTest(name = "on the {0} store")
    @ValueSource(strings = {"sqlite", "memory"})
    @DisplayName("8 clients PATCH one Google policy with the etag they read: the landed updates form one etag chain,"
            + " each loser is 409 ABORTED")
    void etagGuardedPolicyUpdates(String storage) throws Exception {
        try (PolicyHub hub = open(storage); PolicyHubServer server = PolicyHubServer.start(hub,
                ServerOptions.ephemeral())) {
            hub.hierarchy().createOrganization(1L, "example.com", null);
            Policy seeded = hub.orgPolicies().createPolicy(ORG, Policy.of(POLICY,
                    PolicySpec.of(PolicyRule.allow("seed"))));

            List<EtagUpdate> updates = race(client -> {
                RawHttp http = new RawHttp(server.url());
                List<EtagUpdate> mine = new ArrayList<>();
                for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
                    Reply read = http.get("/v2/" + POLICY);
                    assertEquals(200, read.status(), read::text);
                    String etag = read.json().path("etag").asText();
                    List<String> values = allowedValues(read.json());
                    String value = "c" + client + "-" + attempt;
                    values.add(value);
                    Reply reply = http.patch("/v2/" + POLICY, policyBody(etag, values));
                    if (reply.status() == 200) {
                        mine.add(new EtagUpdate(value, etag, 200, Optional.of(reply.json().path("etag").asText())));
                    } else {
                        assertEquals(409, reply.status(), reply::text);
                        assertEquals("ABORTED", reply.error().path("status").asText(), reply::text);
                        assertEquals(409, reply.error().path("code").asInt(), reply::text);
                        assertEquals("The etag does not match the current version.",
                                reply.error().path("message").asText(), reply::text);
                        mine.add(new EtagUpdate(value, etag, 409, Optional.empty()));
                    }
                }
                return mine;
            });

            List<EtagUpdate> landed = updates.stream().filter(u -> u.status() == 200).toList();
            long refused = updates.stream().filter(u -> u.status() == 409).count();
            String counts = storage + ": sent " + updates.size() + ", landed " + landed.size() + ", refused "
                    + refused;
            System.out.println("etag race " + counts);
            assertEquals(CLIENTS * ATTEMPTS_PER_CLIENT, landed.size() + refused, counts);
            assertTrue(refused > 0, () -> "the clients never collided, so the race proved nothing; " + counts);

            Reply finalRead = new RawHttp(server.url()).get("/v2/" + POLICY);
            List<String> expected = new ArrayList<>(List.of("seed"));
            expected.addAll(etagChain(seeded.etag(), finalRead.json().path("etag").asText(), landed, counts));
            assertEquals(expected, allowedValues(finalRead.json()),
                    "the policy holds every landed value, in the order the chain landed them; " + counts);
            Set<String> refusedValues = new HashSet<>();
            updates.stream().filter(u -> u.status() == 409).forEach(u -> refusedValues.add(u.value()));
            assertTrue(Collections.disjoint(refusedValues, allowedValues(finalRead.json())),
                    () -> "a refused update changed the policy; " + counts);
        }
    }

    @ParameterizedTest(name = "on the {0} store")
    @ValueSource(strings = {"sqlite", "memory"})
    @DisplayName("8 clients send add/remove batches to one Pulumi group: every 204 batch's effect is in the group,"
            + " any loser is 409 Conflict")
    void batchesToOneGroup(String storage) throws Exception {
        try (PolicyHub hub = open(storage); PolicyHubServer server = PolicyHubServer.start(hub,
                ServerOptions.ephemeral())) {
            hub.policyGroups().createOrganization(PULUMI_ORG);
            Reply created = new RawHttp(server.url()).post("/api/orgs/" + PULUMI_ORG + "/policygroups",
                    "{\"name\":\"shared\",\"entityType\":\"stacks\"}");
            assertEquals(204, created.status(), created::text);
            for (int client = 0; client < CLIENTS; client++) {
                for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
                    hub.policyGroups().createStack(PULUMI_ORG, "web", kept(client, attempt), Optional.empty());
                    hub.policyGroups().createStack(PULUMI_ORG, "web", dropped(client, attempt), Optional.empty());
                }
            }

            List<Batch> batches = race(client -> {
                RawHttp http = new RawHttp(server.url());
                List<Batch> mine = new ArrayList<>();
                for (int attempt = 0; attempt < ATTEMPTS_PER_CLIENT; attempt++) {
                    String kept = kept(client, attempt);
                    String dropped = dropped(client, attempt);
                    Reply reply = http.patch(GROUP_PATH + "/batch", "[" + addStack(kept) + "," + addStack(dropped)
                            + ",{\"removeStack\":{\"name\":\"" + dropped + "\",\"routingProject\":\"web\"}}]");
                    if (reply.status() != 204) {
                        assertEquals(409, reply.status(), reply::text);
                        assertEquals(RawHttp.json("{\"code\":409,"
                                + "\"message\":\"Conflict: concurrent modification, retry\"}"), reply.json());
                    }
                    mine.add(new Batch(kept, dropped, reply.status()));
                }
                return mine;
            });

            long landed = batches.stream().filter(b -> b.status() == 204).count();
            long refused = batches.stream().filter(b -> b.status() == 409).count();
            String counts = storage + ": sent " + batches.size() + ", landed " + landed + ", refused " + refused;
            System.out.println("batch race " + counts);
            assertEquals(CLIENTS * ATTEMPTS_PER_CLIENT, landed + refused, counts);

            Reply group = new RawHttp(server.url()).get(GROUP_PATH);
            assertEquals(200, group.status(), group::text);
            Set<String> members = new HashSet<>();
            group.json().path("stacks").forEach(s -> members.add(s.path("name").asText()));
            Set<String> expected = new HashSet<>();
            batches.stream().filter(b -> b.status() == 204).forEach(b -> expected.add(b.kept()));
            assertEquals(expected, members, () -> "the group holds exactly the stacks of the landed batches, and"
                    + " none they removed; " + counts);
        }
    }

    private PolicyHub open(String storage) {
        Map<String, String> settings = storage.equals("sqlite")
                ? Map.of("path", dir.resolve("race.db").toString()) : Map.of();
        return PolicyHub.builder().storage(storage, settings).build();
    }

    /**
     * Follows the chain of landed updates from the seeded etag: each must start from the etag the previous one
     * produced, so two landed updates sharing a base etag (a lost update) break it. Returns the values in chain order.
     */
    private static List<String> etagChain(String seededEtag, String finalEtag, List<EtagUpdate> landed, String counts) {
        Map<String, EtagUpdate> byBase = new HashMap<>();
        for (EtagUpdate update : landed) {
            EtagUpdate twin = byBase.put(update.baseEtag(), update);
            assertEquals(null, twin, () -> "two updates landed on etag " + update.baseEtag() + ": " + update.value()
                    + " and " + byBase.get(update.baseEtag()).value() + "; " + counts);
        }
        List<String> values = new ArrayList<>();
        String etag = seededEtag;
        while (byBase.containsKey(etag)) {
            EtagUpdate next = byBase.get(etag);
            values.add(next.value());
            etag = next.newEtag().orElseThrow();
        }
        assertEquals(landed.size(), values.size(), () -> "the chain from the seeded etag misses landed updates; "
                + counts);
        assertEquals(finalEtag, etag, "the chain ends at the stored etag; " + counts);
        return values;
    }

    /** Runs one task per client, all released at once; the results of every client, in client order. */
    private static <T> List<T> race(IntFunction<List<T>> client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int id = i;
                Callable<List<T>> task = () -> {
                    start.await();
                    return client.apply(id);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<T> all = new ArrayList<>();
            for (Future<List<T>> future : futures) {
                all.addAll(future.get(50, TimeUnit.SECONDS));
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<String> allowedValues(JsonNode policy) {
        List<String> values = new ArrayList<>();
        policy.path("spec").path("rules").path(0).path("values").path("allowedValues")
                .forEach(v -> values.add(v.asText()));
        return values;
    }

    private static String policyBody(String etag, List<String> values) {
        StringBuilder list = new StringBuilder();
        for (String value : values) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(value).append('"');
        }
        return "{\"name\":\"" + POLICY + "\",\"etag\":\"" + etag + "\",\"spec\":{\"rules\":[{\"values\":"
                + "{\"allowedValues\":[" + list + "]}}]}}";
    }

    private static String addStack(String name) {
        return "{\"addStack\":{\"name\":\"" + name + "\",\"routingProject\":\"web\"}}";
    }

    private static String kept(int client, int attempt) {
        return "kept-" + client + "-" + attempt;
    }

    private static String dropped(int client, int attempt) {
        return "dropped-" + client + "-" + attempt;
    }
}
