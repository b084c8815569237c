package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.wire.ApiError;
import dev.policyhub.http.wire.GoogleRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Turns names given on the wire into what the services take: explicit ids, and the escaped parts of binding names. */
public final class ResourceNames {
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,19}");
    /** An escaped name is decoded at most this often; clients escape once, and once more on the wire. */
    private static final int MAX_DECODINGS = 3;

    /** The names of a list call: its {@code parent} query parameter. */
    public static final GoogleRouter.Names PARENT_QUERY = call -> List.of(call.query().get("parent"));
    /** The names of a folder or project create: the body's {@code parent} and the tag values it binds. */
    public static final GoogleRouter.Names CREATED = call -> {
        List<String> names = new ArrayList<>(call.bodyTexts("parent"));
        names.addAll(call.bodyTags());
        return names;
    };

    /** The names of a call on {@code {collection}/{path id}}. */
    public static GoogleRouter.Names named(String collection) {
        return call -> List.of(collection + "/" + call.path(1));
    }

    /** The names of a move of {@code {collection}/{path id}}: what moves, and the body's {@code destinationParent}. */
    public static GoogleRouter.Names moved(String collection) {
        return call -> {
            List<String> names = new ArrayList<>(named(collection).of(call));
            names.addAll(call.bodyTexts("destinationParent"));
            return names;
        };
    }

    private ResourceNames() {
    }

    /**
     * The id of a name such as {@code folders/11} given where an explicit id may be chosen; {@code 0} (assign one)
     * when absent; anything but {@code {collection}/{positive int64}} is a 400 on {@code field}.
     */
    public static long explicitId(Optional<String> name, String collection, String field) {
        if (name.isEmpty() || name.get().isEmpty()) {
            return 0;
        }
        String prefix = collection + "/";
        String given = name.get();
        String digits = given.startsWith(prefix) ? given.substring(prefix.length()) : "";
        long id = DIGITS.matcher(digits).matches() ? parsePositive(digits) : -1;
        if (id <= 0) {
            throw ApiError.invalidField(field, field + ": '" + given + "' is not a valid name; expected " + prefix
                    + "{id} with a positive decimal id");
        }
        return id;
    }

    /**
     * The full resource name embedded in a tag binding name, as matched on the path decoded once: clients escape it
     * once more, so it is percent-decoded until it starts with {@code //}.
     */
    public static String bindingResource(String escaped) {
        String resource = escaped;
        for (int i = 0; i < MAX_DECODINGS && !resource.startsWith("//") && resource.indexOf('%') >= 0; i++) {
            resource = GoogleRouter.decodeOnce(resource);
        }
        return resource;
    }

    private static long parsePositive(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException tooLarge) {
            return -1;
        }
    }
}
