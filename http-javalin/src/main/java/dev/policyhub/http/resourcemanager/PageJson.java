package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.Page;
import dev.policyhub.http.wire.Json;
import java.util.function.Function;

/** A list response: {@code {"<items>": [...], "nextPageToken": "..."}}, with an empty list and a last page left out. */
final class PageJson {
    private PageJson() {
    }

    static <T> ObjectNode write(String field, Page<T> page, Function<T, ObjectNode> item) {
        ObjectNode json = Json.object();
        if (!page.items().isEmpty()) {
            ArrayNode items = json.putArray(field);
            page.items().forEach(i -> items.add(item.apply(i)));
        }
        if (page.hasNextPage()) {
            json.put("nextPageToken", page.nextPageToken());
        }
        return json;
    }
}
