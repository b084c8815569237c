package dev.policyhub.http.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A request under construction: a route's valid parts, then changed by one mutation family. JSON mutations work on
 * {@code json}; byte mutations ({@code bodyPatches}) run on the printed body, so a later change of the tree (the
 * guarantee of invalidity) still reaches the wire. {@code guaranteed} is set by a family whose change alone makes
 * the request fail whatever the server's validation.
 */
final class Draft {
    final FuzzRoute route;
    String method;
    final Map<String, String> params = new LinkedHashMap<>();
    final Set<String> badParams = new HashSet<>();
    UnaryOperator<String> pathChange = UnaryOperator.identity();
    /** A path that replaces the route's, matching no route. */
    String foreignPath;
    final List<String> query = new ArrayList<>();
    final List<String> headers = new ArrayList<>();
    JsonNode json;
    /** Bytes sent instead of the printed tree. */
    byte[] rawBody;
    final List<UnaryOperator<byte[]>> bodyPatches = new ArrayList<>();
    /** JSON slots a family changed, which the guarantee leaves alone. */
    final Set<List<Object>> touched = new HashSet<>();
    boolean guaranteed;

    Draft(FuzzRoute route) {
        this.route = route;
        this.method = route.method();
    }

    String path() {
        return foreignPath != null ? foreignPath : pathChange.apply(route.path(params));
    }

    String target() {
        return query.isEmpty() ? path() : path() + "?" + String.join("&", query);
    }

    byte[] body() {
        if (rawBody == null && json == null) {
            return null;
        }
        byte[] body = rawBody != null ? rawBody : JsonTree.print(json);
        for (UnaryOperator<byte[]> patch : bodyPatches) {
            body = patch.apply(body);
        }
        return body;
    }
}
