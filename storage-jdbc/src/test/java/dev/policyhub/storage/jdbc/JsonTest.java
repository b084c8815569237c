package dev.policyhub.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policyhub.core.orgpolicy.Expr;
import dev.policyhub.core.orgpolicy.PolicyRule;
import dev.policyhub.core.orgpolicy.PolicySpec;
import dev.policyhub.core.orgpolicy.StringValues;
import dev.policyhub.core.policygroups.AppliedPolicyPack;
import dev.policyhub.core.policygroups.EnforcementLevel;
import dev.policyhub.core.policygroups.PackPolicy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The JSON text of nested values reads back equal to what was written, Java types included. */
class JsonTest {

    private static Object roundTrip(Object value) {
        return Json.read(Json.write(value));
    }

    @Test
    @DisplayName("numbers keep their Java type and value: longs and finite doubles plain, the others tagged")
    void numbersKeepTheirType() {
        List<Object> numbers = List.of(0L, -7L, Long.MAX_VALUE, Long.MIN_VALUE, 1.0, -0.0, 2.5e-300, 1e300,
                Double.NaN, Double.POSITIVE_INFINITY, 3, (short) 4, (byte) 5, 6.5f, Float.NaN,
                new BigInteger("123456789012345678901234567890"), new BigDecimal("1.50"));

        assertEquals(numbers, roundTrip(numbers));
        assertEquals("[1,1.0,{\"@int\":\"1\"}]", Json.write(List.of(1L, 1.0, 1)));
    }

    @Test
    @DisplayName("strings keep every character: quotes, backslashes, controls, non-ASCII and unpaired surrogates")
    void stringsKeepEveryCharacter() {
        List<Object> strings = List.of("", "plain", "\"quoted\" \\ back", "tab\tline\nreturn\r\u0000\u001f",
                "Équipe 東京", "emoji \ud83d\ude00", "lone \ud800 high", "lone \udc00 low", "@int");

        assertEquals(strings, roundTrip(strings));
    }

    @Test
    @DisplayName("maps and lists nest, keep their order and hold nulls")
    void structuresNest() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", null);
        inner.put("a", Arrays.asList(1L, null, List.of(), Map.of()));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("inner", inner);
        outer.put("flag", false);
        outer.put("empty", Map.of());

        Object read = roundTrip(outer);
        assertEquals(outer, read);
        assertEquals(List.of("z", "a"), List.copyOf(((Map<?, ?>) ((Map<?, ?>) read).get("inner")).keySet()));
    }

    @Test
    @DisplayName("a map whose only key starts with @ is not mistaken for a tag")
    void tagLikeMapsStayMaps() {
        List<Object> maps = Arrays.asList(Map.of("@int", "3"), Map.of("@map", List.of("x", 1L)),
                Map.of("@unknown", true), Map.of("@int", "3", "other", 1L), new LinkedHashMap<>(Map.of("@x", 1L)));
        Map<String, Object> nullValued = new LinkedHashMap<>();
        nullValued.put("@null", null);

        assertEquals(maps, roundTrip(maps));
        assertEquals(nullValued, roundTrip(nullValued));
    }

    @Test
    @DisplayName("a value of a type JSON cannot hold is refused")
    void otherTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Json.write(Map.of("when", Instant.EPOCH)));
        assertThrows(IllegalArgumentException.class,
                () -> Json.write(List.of(new java.util.concurrent.atomic.AtomicLong(1))));
    }

    @Test
    @DisplayName("malformed stored text fails clearly")
    void malformedTextFails() {
        assertThrows(IllegalStateException.class, () -> Json.read("{\"a\":1"));
        assertThrows(IllegalStateException.class, () -> Json.read("[1] 2"));
        assertThrows(IllegalStateException.class, () -> Json.read("{\"@what\":\"1\"}"));
    }

    @Test
    @DisplayName("a policy spec with every kind of rule, conditions and parameters reads back equal")
    void policySpecsRoundTrip() {
        PolicyRule values = new PolicyRule(new PolicyRule.Values(new StringValues(List.of("in:eu-locations"),
                List.of("europe-west3"))), Optional.of(new Expr("resource.matchTag('1/env', 'prod')", "prod",
                "only prod", "here")), Map.of("count", 3, "names", List.of("a", "b"), "strict", true));
        PolicyRule several = PolicyRule.of(new PolicyRule.SeveralKinds(List.of(new PolicyRule.AllowAll(false),
                new PolicyRule.DenyAll(true), new PolicyRule.NoKind(),
                new PolicyRule.SeveralKinds(List.of(new PolicyRule.Enforce(false))))));
        PolicySpec stamped = new PolicySpec("etag", Optional.of(Instant.parse("2025-01-02T03:04:05.123456789Z")),
                List.of(values, several, PolicyRule.enforce(true), PolicyRule.of(new PolicyRule.NoKind())), true,
                false);
        PolicySpec bare = PolicySpec.resetToDefault();

        assertEquals(stamped, PolicySpecs.read(PolicySpecs.write(stamped)));
        assertEquals(bare, PolicySpecs.read(PolicySpecs.write(bare)));
    }

    @Test
    @DisplayName("pack policies and applied packs read back equal, free-form config included")
    void packsRoundTrip() {
        List<PackPolicy> policies = List.of(PackPolicy.of("s3", EnforcementLevel.MANDATORY),
                new PackPolicy("ec2", "EC2", "about", EnforcementLevel.REMEDIATE, "msg",
                        Map.of("type", "object", "maxItems", 10L, "ratio", 0.5), "high",
                        Map.of("name", "CIS", "version", 1.4f), List.of("aws"), "fix it", "https://example.com"));
        List<AppliedPolicyPack> packs = List.of(new AppliedPolicyPack("aws-guard", "AWS guard", 3, "2.0.0",
                Map.of("all", Map.of("enforcementLevel", "advisory"), "s3", Map.of("limits", List.of(1L, 2))),
                List.of("acme/prod"), 1_714_979_289_123_456L));

        assertEquals(policies, PackPolicies.read(PackPolicies.write(policies)));
        assertEquals(packs, AppliedPacks.read(AppliedPacks.write(packs)));
        assertEquals(List.of(), AppliedPacks.read(AppliedPacks.write(List.of())));
    }
}
