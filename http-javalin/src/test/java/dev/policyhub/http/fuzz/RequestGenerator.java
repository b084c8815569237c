package dev.policyhub.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.http.support.Gzip;
import dev.policyhub.http.wire.GoogleRouter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Builds request {@code i} of a run from {@code (seed, i)} alone: a route, its valid parts, then one mutation family.
 * A request to a route that writes is invalid by construction: either the family's change alone makes it fail (a
 * body that is not JSON, a missing resource, a verb no route has), or one more change does: an unknown field or
 * query parameter on the Google routes (refused before anything is written), a field of the wrong type or a missing
 * organization, stack or pack on the Pulumi routes.
 */
final class RequestGenerator {
    /** A family name and what it does to a draft. */
    private record Family(String name, int weight, BiConsumer<Draft, SplittableRandom> apply) {
    }

    /** How many mutation families there are. */
    static final int FAMILIES = 17;
    private static final Set<String> WRITE_VERBS = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Letters that cannot spell a class name or a stack-trace marker, for generated text. */
    private static final String SAFE = "0123456789bcdfghkmnpqrstwxz-_";
    private static final List<String> BAD_NAMES = List.of("", "%00", "%2F", "%2f%2e%2e%2f", "%2E%2E", "%2e",
            "..%2F..%2Fetc", "%25", "%", "%zz", "%4", "%C3%28", "%FF", "%E2%82", "%ED%A0%80", "%F0%9F%98%80", "%C3%BC",
            "%E5%90%8D", "%0A", "%0D%0A", "%09", "%20", "%7F", "b%00c", "%3A", ":", ";", "%3Bx", "~", "!$&'()*+,;=",
            "@", "%40", "%5C", "%22", "%3Cx%3E", "{}", "%7B%7D", "[x]", "-1", "-", "_", "NaN", "null", "true",
            "1e9", "0x10", "%2B1", "99999999999999999999999", "0", "ü", "名前", "😀", "\u0001".replace("\u0001", "%01"),
            "x".repeat(300), "q".repeat(3_000), "z".repeat(20_000));
    private static final List<String> BAD_VALUES = List.of("-1", "0", "1e9", "abc", "2147483648", "-2147483649",
            "99999999999999999999", "1.5", "%201", "%00", "%zz", "%", "", "maybe", "%E2%82", "%FF", "%C3%A9", "null",
            "[]", "%7B%7D", "%0A", "TRUE", "yes", "-0", "0x10", "+1", "%2B1", "ü", "q".repeat(4_000));
    private static final List<String> QUERY_KEYS = List.of("pageSize", "page_size", "pageToken", "continuationToken",
            "maxResults", "count", "force", "mode", "updateMask", "update_mask", "etag", "validateOnly", "value",
            "dryRun", "parent", "name", "query", "showDeleted", "organization", "project", "policypack", "token",
            "tagName", "tagValue", "$alt", "alt", "prettyPrint", "fields", "callback", "$.xgafv");
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
            "TRACE", "FOO", "PROPFIND", "get", "post", "M-SEARCH", "PATCHX");
    private static final List<String> OVERRIDES = List.of("PATCH", "patch ", "DELETE", "GET", "PUT", "junk", "");
    private static final List<String> FOREIGN_PATHS = List.of("/", "/v2", "/v2/", "/v3", "/v3/", "/api", "/api/",
            "/blobs", "/blobs/", "/blobs/policypacks", "/admin", "/admin/v1", "/admin/v1/", "/admin/v1/pulumi",
            "/admin/v1/pulumi/", "/v1/projects/p", "/favicon.ico", "/V2/organizations/1/policies", "/API/orgs/acme",
            "/v2/organizations", "/v3/organizations", "/api/orgs", "/api/orgs/acme", "/v4/folders", "/index.html");

    private final long seed;
    private final List<FuzzRoute> routes;
    private final List<Family> families = new ArrayList<>();
    private final int totalWeight;

    RequestGenerator(long seed, List<FuzzRoute> routes) {
        this.seed = seed;
        this.routes = List.copyOf(routes);
        families.add(new Family("wrong-type", 12, this::wrongType));
        families.add(new Family("wrong-root", 3, this::wrongRoot));
        families.add(new Family("truncated", 6, this::truncated));
        families.add(new Family("non-json", 3, this::nonJson));
        families.add(new Family("deep-nesting", 3, this::deepNesting));
        families.add(new Family("huge-string", 2, this::hugeString));
        families.add(new Family("invalid-utf8", 4, this::invalidUtf8));
        families.add(new Family("encoding", 3, this::encoding));
        families.add(new Family("duplicate-key", 3, this::duplicateKey));
        families.add(new Family("empty-body", 2, this::emptyBody));
        families.add(new Family("gzip", 3, this::gzip));
        families.add(new Family("bad-name", 10, this::badName));
        families.add(new Family("bad-query", 9, this::badQuery));
        families.add(new Family("wrong-method", 6, this::wrongMethod));
        families.add(new Family("headers", 5, this::headers));
        families.add(new Family("path-shape", 5, this::pathShape));
        families.add(new Family("protocol", 3, (d, rnd) -> { }));
        totalWeight = families.stream().mapToInt(Family::weight).sum();
        if (families.size() != FAMILIES) {
            throw new IllegalStateException("FAMILIES says " + FAMILIES + ", there are " + families.size());
        }
    }

    /** Request {@code index} of the run. */
    FuzzRequest generate(int index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L);
        FuzzRoute route = routes.get(rnd.nextInt(routes.size()));
        Family family = pick(rnd);
        Draft d = base(route, rnd);
        family.apply().accept(d, rnd);
        if (route.writes() && !d.guaranteed) {
            guarantee(d, rnd, family.name().equals("protocol"));
        }
        String path = d.path();
        Api api = Api.of(path);
        String override = d.headers.stream().filter(h -> h.startsWith("X-HTTP-Method-Override: "))
                .map(h -> h.substring("X-HTTP-Method-Override: ".length())).findFirst().orElse(null);
        boolean write = WRITE_VERBS.contains(effective(api, d.method, override));
        byte[] body = d.body();
        if (body != null && body.length > 512 * 1024 && !d.headers.contains("Connection: close")) {
            // the server may refuse a large body before reading it and then end the connection
            d.headers.add("Connection: close");
        }
        FuzzRequest request = new FuzzRequest(seed, index, route.key(), family.name(), d.method, d.target(),
                List.copyOf(d.headers), body, null, path, write);
        if (family.name().equals("protocol")) {
            return protocol(request, rnd);
        }
        return request;
    }

    private Family pick(SplittableRandom rnd) {
        int n = rnd.nextInt(totalWeight);
        for (Family family : families) {
            n -= family.weight();
            if (n < 0) {
                return family;
            }
        }
        throw new IllegalStateException("weights");
    }

    private static Draft base(FuzzRoute route, SplittableRandom rnd) {
        Draft d = new Draft(route);
        for (Map.Entry<String, List<String>> p : route.values().entrySet()) {
            d.params.put(p.getKey(), one(p.getValue(), rnd));
        }
        String query = one(route.queries(), rnd);
        if (!query.isEmpty()) {
            d.query.addAll(Arrays.asList(query.split("&")));
        }
        if (route.readsBody()) {
            d.json = JsonTree.parse(route.body());
            d.headers.add("Content-Type: application/json");
        }
        return d;
    }

    // ---- the guarantee ----

    // a broken request line or length may cut the body, and an empty Google body is an empty message: the protocol
    // family keeps the guarantee out of the body there
    private void guarantee(Draft d, SplittableRandom rnd, boolean protocol) {
        FuzzRoute route = d.route;
        if (route.api() == Api.GOOGLE) {
            if (!protocol && route.readsBody() && d.json instanceof ObjectNode object && d.rawBody == null) {
                object.put("fuzzUnknownField", 1);
            } else {
                d.query.add("fuzz_unknown=1");
            }
            return;
        }
        if (route.readsBody() && d.json != null && d.rawBody == null) {
            List<List<Object>> free = JsonTree.slots(d.json).stream().filter(s -> !d.touched.contains(s)).toList();
            if (free.isEmpty()) {
                d.json = d.json.isArray() ? JsonTree.text("fuzz") : JsonTree.nested(1);
            } else {
                List<Object> slot = one(free, rnd);
                JsonTree.set(d.json, slot, JsonTree.otherType(JsonTree.get(d.json, slot), rnd));
            }
            return;
        }
        if (route.mustExist().isEmpty()) {
            throw new IllegalStateException("no way to make a request to " + route.key() + " fail");
        }
        List<String> names = new ArrayList<>(route.mustExist());
        names.sort(null);
        String param = one(names, rnd);
        if (!d.badParams.contains(param)) {
            d.params.put(param, "fuzz-missing-" + rnd.nextInt(1_000_000));
        }
    }

    // ---- body families ----

    private static void needBody(Draft d) {
        if (d.json == null) {
            d.json = JsonTree.parse("{\"note\": \"x\", \"list\": [1, 2]}");
        }
    }

    private void wrongType(Draft d, SplittableRandom rnd) {
        needBody(d);
        List<List<Object>> slots = JsonTree.slots(d.json);
        if (slots.isEmpty()) {
            wrongRoot(d, rnd);
            return;
        }
        // one change: a second one could land on the first and give the field a valid type again
        List<Object> slot = one(slots, rnd);
        JsonTree.set(d.json, slot, JsonTree.otherType(JsonTree.get(d.json, slot), rnd));
        d.touched.add(slot);
        // on the Pulumi routes every field of the table's bodies is read with its type checked
        d.guaranteed = d.route.readsBody() && d.route.api() == Api.PULUMI;
    }

    private void wrongRoot(Draft d, SplittableRandom rnd) {
        needBody(d);
        List<String> roots = d.json.isArray() ? List.of("{}", "\"s\"", "0", "false", "null", "{\"a\": []}")
                : List.of("[]", "[{}]", "\"s\"", "0", "-1.5", "true", "null", "[null]");
        d.rawBody = one(roots, rnd).getBytes(StandardCharsets.UTF_8);
        d.guaranteed = d.route.readsBody();
    }

    private void truncated(Draft d, SplittableRandom rnd) {
        needBody(d);
        byte[] full = JsonTree.print(d.json);
        int variant = rnd.nextInt(4);
        if (variant == 0) {
            d.rawBody = concat(full, one(List.of("x", "}", "{}", "]", ",", "\"", "0", "null"), rnd));
        } else {
            d.rawBody = Arrays.copyOf(full, 1 + rnd.nextInt(full.length - 1));
        }
        d.guaranteed = d.route.readsBody();
    }

    private void nonJson(Draft d, SplittableRandom rnd) {
        needBody(d);
        String full = new String(JsonTree.print(d.json), StandardCharsets.UTF_8);
        String text;
        switch (rnd.nextInt(7)) {
            case 0:
                text = "/* c */" + full;
                break;
            case 1:
                text = full.replaceFirst("\"", "'").replaceFirst("\"", "'");
                break;
            case 2:
                text = full.replaceFirst("\"([A-Za-z_]+)\":", "$1:");
                break;
            case 3:
                text = full.replaceFirst(":", ": NaN, \"z\":");
                break;
            case 4:
                text = full.replaceFirst(":", ": 0012, \"z\":");
                break;
            case 5:
                text = one(List.of("<xml/>", "a=b&c=d", "undefined", "{,}", "[,]", "{\"a\" 1}", "{\"a\":}"), rnd);
                break;
            default:
                text = full.substring(0, full.length() - 1) + ",}";
                break;
        }
        d.rawBody = text.getBytes(StandardCharsets.UTF_8);
        d.guaranteed = d.route.readsBody();
    }

    private void deepNesting(Draft d, SplittableRandom rnd) {
        needBody(d);
        int depth = one(List.of(65, 100, 1_000, 10_000, 100_000), rnd);
        switch (rnd.nextInt(3)) {
            case 0:
                d.rawBody = "[".repeat(depth).getBytes(StandardCharsets.US_ASCII);
                break;
            case 1:
                int closed = Math.min(depth, 2_000);
                d.rawBody = ("{\"a\":".repeat(closed) + "1" + "}".repeat(closed)).getBytes(StandardCharsets.US_ASCII);
                break;
            default:
                List<List<Object>> slots = JsonTree.slots(d.json);
                if (slots.isEmpty()) {
                    d.rawBody = "[".repeat(depth).getBytes(StandardCharsets.US_ASCII);
                } else {
                    List<Object> slot = one(slots, rnd);
                    JsonTree.set(d.json, slot, JsonTree.nested(Math.min(depth, 300)));
                    d.touched.add(slot);
                }
                break;
        }
        d.guaranteed = d.route.readsBody();
    }

    private void hugeString(Draft d, SplittableRandom rnd) {
        needBody(d);
        boolean over = rnd.nextBoolean();
        int size = over ? 1_100_000 + rnd.nextInt(900_000) : 100_000 + rnd.nextInt(800_000);
        List<List<Object>> texts = JsonTree.textSlots(d.json);
        List<Object> slot = texts.isEmpty() ? List.of("huge") : one(texts, rnd);
        if (texts.isEmpty() && !d.json.isObject()) {
            d.json = JsonTree.parse("{}");
        }
        JsonTree.set(d.json, slot, JsonTree.text(safeText(rnd, size)));
        d.touched.add(slot);
        d.guaranteed = over && d.route.readsBody();
    }

    private void invalidUtf8(Draft d, SplittableRandom rnd) {
        needBody(d);
        byte[][] sequences = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
        byte[] bad = sequences[rnd.nextInt(sequences.length)];
        List<List<Object>> texts = JsonTree.textSlots(d.json);
        if (texts.isEmpty() || rnd.nextInt(3) == 0) {
            // between tokens: no JSON text can hold it there
            d.bodyPatches.add(body -> insert(body, 1, bad));
            d.guaranteed = d.route.readsBody();
            return;
        }
        List<Object> slot = one(texts, rnd);
        String marker = "QQ" + rnd.nextInt(1_000_000) + "QQ";
        String old = JsonTree.get(d.json, slot).textValue();
        JsonTree.set(d.json, slot, JsonTree.text(old + marker));
        d.touched.add(slot);
        byte[] markerBytes = marker.getBytes(StandardCharsets.US_ASCII);
        d.bodyPatches.add(body -> replace(body, markerBytes, bad));
    }

    private void encoding(Draft d, SplittableRandom rnd) {
        needBody(d);
        switch (rnd.nextInt(5)) {
            case 0:
                d.bodyPatches.add(body -> concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, body));
                break;
            case 1:
                d.bodyPatches.add(body -> recode(body, StandardCharsets.UTF_16));
                d.guaranteed = d.route.readsBody();
                break;
            case 2:
                d.bodyPatches.add(body -> recode(body, StandardCharsets.UTF_16LE));
                d.guaranteed = d.route.readsBody();
                break;
            case 3:
                d.bodyPatches.add(body -> recode(body, Charset.forName("UTF-32")));
                d.guaranteed = d.route.readsBody();
                break;
            default:
                List<List<Object>> texts = JsonTree.textSlots(d.json);
                if (!texts.isEmpty()) {
                    List<Object> slot = one(texts, rnd);
                    JsonTree.set(d.json, slot, JsonTree.text(JsonTree.get(d.json, slot).textValue() + "é"));
                    d.touched.add(slot);
                }
                d.bodyPatches.add(body -> recode(body, StandardCharsets.ISO_8859_1));
                break;
        }
        replaceHeader(d, "Content-Type", one(List.of("application/json; charset=utf-16", "application/json",
                "application/json; charset=iso-8859-1", "text/plain; charset=utf-32"), rnd));
    }

    private void duplicateKey(Draft d, SplittableRandom rnd) {
        needBody(d);
        List<String> keys = new ArrayList<>();
        if (d.json.isObject()) {
            d.json.fieldNames().forEachRemaining(keys::add);
        }
        if (keys.isEmpty()) {
            wrongRoot(d, rnd);
            return;
        }
        String key = one(keys, rnd);
        String value = JsonTree.get(d.json, List.of(key)).toString();
        boolean snake = rnd.nextInt(3) == 0 && !snake(key).equals(key);
        String spelled = snake ? snake(key) : key;
        String extra = "\"" + spelled + "\": " + (rnd.nextBoolean() ? value : "7") + ", ";
        d.bodyPatches.add(body -> insert(body, 1, extra.getBytes(StandardCharsets.UTF_8)));
        // the same spelling twice is refused by the parser; a snake_case twin only by the Google routes
        d.guaranteed = d.route.readsBody() && !snake;
    }

    private void emptyBody(Draft d, SplittableRandom rnd) {
        d.rawBody = one(List.of("", " ", "\r\n", "\t \n"), rnd).getBytes(StandardCharsets.US_ASCII);
        d.guaranteed = d.route.readsBody() && d.route.api() == Api.PULUMI;
    }

    private void gzip(Draft d, SplittableRandom rnd) {
        needBody(d);
        replaceHeader(d, "Content-Encoding", one(List.of("gzip", "GZIP", " gzip "), rnd));
        boolean pulumi = d.route.api() == Api.PULUMI;
        switch (rnd.nextInt(6)) {
            case 0:
                // sent as is: not gzip at all
                d.guaranteed = pulumi;
                break;
            case 1:
                d.bodyPatches.add(body -> {
                    byte[] zipped = Gzip.of(body);
                    return Arrays.copyOf(zipped, Math.max(1, zipped.length / 2));
                });
                d.guaranteed = pulumi;
                break;
            case 2:
                d.bodyPatches.add(body -> Gzip.of(concat(" ".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII),
                        body)));
                d.guaranteed = pulumi;
                break;
            case 3:
                d.rawBody = new byte[0];
                d.guaranteed = pulumi;
                break;
            case 4:
                d.bodyPatches.add(body -> Gzip.of(Arrays.copyOf(body, Math.max(1, body.length - 1))));
                d.guaranteed = pulumi && d.route.readsBody();
                break;
            default:
                d.bodyPatches.add(Gzip::of);
                break;
        }
    }

    // ---- path, query, verb and header families ----

    private void badName(Draft d, SplittableRandom rnd) {
        List<String> candidates = new ArrayList<>(d.route.values().keySet());
        candidates.sort(null);
        if (candidates.isEmpty()) {
            pathShape(d, rnd);
            return;
        }
        String param = one(candidates, rnd);
        String bad = one(BAD_NAMES, rnd);
        if (!d.route.writes() && rnd.nextInt(4) == 0) {
            String valid = d.params.get(param);
            bad = one(List.of(valid.toUpperCase(Locale.ROOT), valid + "%20", "%20" + valid, valid + "%00", ".", "..",
                    valid + "/", valid + "/..", "0" + valid, valid + valid), rnd);
        }
        d.params.put(param, bad);
        d.badParams.add(param);
        // a write fails on a missing resource; a bad name for what it creates still needs the guarantee
        d.guaranteed = d.route.mustExist().contains(param);
    }

    private void badQuery(Draft d, SplittableRandom rnd) {
        int changes = 1 + rnd.nextInt(3);
        for (int i = 0; i < changes; i++) {
            switch (rnd.nextInt(7)) {
                case 0:
                case 1:
                case 2:
                    String key = one(QUERY_KEYS, rnd);
                    d.query.removeIf(q -> q.startsWith(key + "="));
                    d.query.add(key + "=" + one(BAD_VALUES, rnd));
                    break;
                case 3:
                    d.query.add(one(List.of("unknownParam=1", "page%5Fsize=1", "%zz=1", "=x", "&", "&&", "a=b=c",
                            "%00=1", "pageSize", "pageSize=", "ü=1", "pageSize[]=1", "filter=x", ";=;"), rnd));
                    break;
                case 4:
                    if (!d.query.isEmpty()) {
                        d.query.add(d.query.get(rnd.nextInt(d.query.size())));
                    }
                    break;
                case 5:
                    d.query.add(one(QUERY_KEYS, rnd) + "=" + safeText(rnd, 100 + rnd.nextInt(6_000)));
                    break;
                default:
                    d.query.add("pageToken=" + one(List.of("AAAA", "%2F%2F%2F", "eyJ4Ijox", "-", "Zm9v%3D",
                            "x".repeat(500)), rnd) + "&continuationToken=" + one(List.of("AAAA", "x", "%FF", "1"), rnd));
                    break;
            }
        }
    }

    private void wrongMethod(Draft d, SplittableRandom rnd) {
        String path = normalize(d.path());
        Api api = Api.of(path);
        for (int attempt = 0; attempt < 30; attempt++) {
            String method = one(METHODS, rnd);
            String override = rnd.nextInt(4) == 0 ? one(OVERRIDES, rnd) : null;
            String effective = effective(api, method, override);
            if (effective.equals(d.route.method()) || WRITE_VERBS.contains(effective) && bound(effective, path)) {
                continue;
            }
            d.method = method;
            if (override != null) {
                d.headers.add("X-HTTP-Method-Override: " + override);
            }
            d.guaranteed = true;
            return;
        }
        d.method = "TRACE";
        d.guaranteed = true;
    }

    private void headers(Draft d, SplittableRandom rnd) {
        int changes = 1 + rnd.nextInt(2);
        for (int i = 0; i < changes; i++) {
            switch (rnd.nextInt(9)) {
                case 0:
                    replaceHeader(d, "Content-Type", one(List.of("text/plain", "application/xml",
                            "application/x-www-form-urlencoded", "multipart/form-data; boundary=zz",
                            "application/json; charset=iso-8859-1", "", "*/*", "application/json; charset=\"",
                            "application/json; charset=nope", "application/octet-stream"), rnd));
                    break;
                case 1:
                    replaceHeader(d, "Accept", one(List.of("text/html", "application/xml", "*/*;q=x", "",
                            "application/json;q=0", "image/png"), rnd));
                    break;
                case 2:
                    replaceHeader(d, "Content-Encoding", one(List.of("deflate", "br", "identity", "gzip, gzip",
                            "x-junk", "compress"), rnd));
                    break;
                case 3:
                    replaceHeader(d, "Authorization", one(List.of("token x", "Bearer y", "Basic !!!", "", "token"),
                            rnd));
                    break;
                case 4:
                    replaceHeader(d, "X-HTTP-Method-Override", one(List.of("junk", "GET", "DELETE", "PUT", ""), rnd));
                    break;
                case 5:
                    replaceHeader(d, "Expect", one(List.of("100-continue", "junk", "200-ok"), rnd));
                    break;
                case 6:
                    replaceHeader(d, "X-Fuzz", safeText(rnd, one(List.of(100, 5_000, 9_000, 20_000), rnd)));
                    break;
                case 7:
                    int count = one(List.of(50, 150), rnd);
                    for (int h = 0; h < count; h++) {
                        d.headers.add("X-Fuzz-" + h + ": " + h);
                    }
                    break;
                default:
                    replaceHeader(d, one(List.of("Range", "If-None-Match", "Cookie", "Origin", "Content-Range",
                            "Accept-Charset", "Accept-Language"), rnd), one(List.of("bytes=junk", "\"x\"", "a=%zz",
                            "null", "*", "ü"), rnd));
                    break;
            }
        }
    }

    private void pathShape(Draft d, SplittableRandom rnd) {
        if (rnd.nextInt(4) == 0) {
            d.foreignPath = one(FOREIGN_PATHS, rnd);
            d.guaranteed = true;
            return;
        }
        boolean reads = !d.route.writes();
        switch (rnd.nextInt(reads ? 9 : 6)) {
            case 0:
                d.pathChange = p -> p + "/";
                break;
            case 1:
                d.pathChange = p -> p.replaceFirst("/", "//");
                break;
            case 2:
                String segment = one(List.of("extra", "%2F", ":", ":frob", ";x=1", "%3Afrob"), rnd);
                d.pathChange = p -> p + "/" + segment;
                break;
            case 3:
                d.pathChange = p -> p.toUpperCase(Locale.ROOT);
                break;
            case 4:
                String slash = rnd.nextBoolean() ? "/" : "%2F";
                d.pathChange = p -> p.replace(":", "%3A").replace("/", slash);
                break;
            case 5:
                String suffix = one(List.of(":getEffectivePolicy", ":decide", ":move", ":search", "%3Amove", ";",
                        "%00", "%"), rnd);
                d.pathChange = p -> p + suffix;
                break;
            case 6:
                d.pathChange = p -> p.replaceFirst("/", "/./");
                break;
            case 7:
                d.pathChange = p -> p + "/..";
                break;
            default:
                d.pathChange = p -> "/x/.." + p;
                break;
        }
    }

    // ---- raw protocol ----

    private FuzzRequest protocol(FuzzRequest request, SplittableRandom rnd) {
        String host = "127.0.0.1";
        String line = request.method() + " " + request.target() + " HTTP/1.1";
        List<String> headers = new ArrayList<>();
        headers.add("Host: " + host);
        headers.addAll(request.headers());
        headers.add("Connection: close");
        byte[] body = request.body() == null ? new byte[0] : request.body();
        String length = "Content-Length: " + body.length;
        byte[] raw;
        switch (rnd.nextInt(16)) {
            case 0:
                raw = render(line.replaceFirst("/", "/ "), headers, length, body);
                break;
            case 1:
                raw = render(request.method() + " " + request.target() + " HTTP/" + one(List.of("1.2", "2.0", "0.9",
                        "9.9", "1", "x"), rnd), headers, length, body);
                break;
            case 2:
                raw = render(request.method() + " " + request.target(), headers, length, body);
                break;
            case 3:
                raw = render(line.replace(" HTTP/1.1", " http/1.1"), headers, length, body);
                break;
            case 4:
                raw = insert(render(line, headers, length, body), line.indexOf('/') + 2,
                        one(List.of(new byte[] {0x01}, new byte[] {0x7F}, new byte[] {0x00}, new byte[] {(byte) 0xFF},
                                new byte[] {(byte) 0xC3, 0x28}, new byte[] {'\t'}), rnd));
                break;
            case 5:
                headers.add(one(List.of("BadHeader", "Bad Header: x", ": empty-name", "X-A:\u0000b", " X-Fold: x"),
                        rnd));
                raw = render(line, headers, length, body);
                break;
            case 6:
                headers.add("Content-Length: " + (body.length + 1));
                raw = render(line, headers, length, body);
                break;
            case 7:
                raw = render(line, headers, "Content-Length: " + one(List.of("-1", "abc", "99999999999999999999",
                        "1 2", "0x10", ""), rnd), body);
                break;
            case 8:
                headers.add("Transfer-Encoding: chunked");
                raw = render(line, headers, length, chunked(body));
                break;
            case 9:
                headers.add("Transfer-Encoding: chunked");
                raw = render(line, headers, null, ("zz\r\n" + "x".repeat(10) + "\r\n0\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                break;
            case 10:
                headers.add("Transfer-Encoding: " + one(List.of("gzip", "identity", "junk", "chunked, chunked"), rnd));
                raw = render(line, headers, null, body);
                break;
            case 11:
                headers.remove(0);
                raw = render(line, headers, length, body);
                break;
            case 12:
                headers.add("Host: other.example");
                raw = render(line, headers, length, body);
                break;
            case 13:
                raw = render(request.method() + " " + request.target() + "?" + "q".repeat(20_000) + " HTTP/1.1",
                        headers, length, body);
                break;
            case 14:
                raw = render(request.method() + " " + request.target().substring(1) + " HTTP/1.1", headers, length,
                        body);
                break;
            default:
                int cut = body.length > 1 ? rnd.nextInt(body.length) : 0;
                raw = render(line, headers, "Content-Length: " + cut, body);
                break;
        }
        return new FuzzRequest(request.seed(), request.index(), request.route(), "protocol", request.method(),
                request.target(), request.headers(), request.body(), raw, request.path(), request.effectiveWrite());
    }

    private static byte[] render(String line, List<String> headers, String length, byte[] body) {
        StringBuilder head = new StringBuilder(line).append("\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        if (length != null) {
            head.append(length).append("\r\n");
        }
        head.append("\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int n = Math.min(1000, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            at += n;
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    // ---- helpers ----

    /** The verb the server acts on: a Google POST may stand for a PATCH; Pulumi reads the verb alone. */
    private static String effective(Api api, String method, String override) {
        return api == Api.GOOGLE ? GoogleRouter.effectiveMethod(method, override) : method.toUpperCase(Locale.ROOT);
    }

    private boolean bound(String verb, String path) {
        return routes.stream().anyMatch(r -> r.method().equals(verb) && r.mayMatch(path));
    }

    /** The path with dot segments resolved: the widest reading of where a request might land. */
    private static String normalize(String path) {
        if (!path.startsWith("/")) {
            return path;
        }
        List<String> out = new ArrayList<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                continue;
            }
            out.add(s);
        }
        return "/" + String.join("/", out);
    }

    private static void replaceHeader(Draft d, String name, String value) {
        d.headers.removeIf(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1));
        d.headers.add(name + ": " + value);
    }

    private static String safeText(SplittableRandom rnd, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = SAFE.charAt(rnd.nextInt(SAFE.length()));
        }
        return new String(out);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static <T> T one(List<T> list, SplittableRandom rnd) {
        return list.get(rnd.nextInt(list.size()));
    }

    private static byte[] concat(byte[] a, String b) {
        return concat(a, b.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] insert(byte[] body, int at, byte[] bytes) {
        int where = Math.min(at, body.length);
        return concat(concat(Arrays.copyOf(body, where), bytes), Arrays.copyOfRange(body, where, body.length));
    }

    private static byte[] replace(byte[] body, byte[] marker, byte[] with) {
        for (int i = 0; i + marker.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + marker.length, marker, 0, marker.length)) {
                return concat(concat(Arrays.copyOf(body, i), with), Arrays.copyOfRange(body, i + marker.length,
                        body.length));
            }
        }
        // the guarantee replaced a node above the marked text
        return body;
    }

    private static byte[] recode(byte[] utf8, Charset charset) {
        return new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
    }

}
