package dev.policyhub.http.resourcemanager;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.WireFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The {@code google.longrunning.Operation}s Resource Manager calls answer with, always completed, and the log that
 * lets a client poll a named one with {@code GET /v3/operations/{id}}.
 *
 * <p>A named operation is numbered after the call it answers, from the hub's id source ({@code PolicyHub.newId()}),
 * so its number names nothing else, also after a restart of a durable store: creating a folder gives
 * {@code folders/100000000041} answered by {@code operations/cf.100000000042}. The log itself is kept in memory and
 * bounded: it holds the last {@value #CAPACITY} named operations (older ones answer NOT_FOUND) and does not survive
 * a restart of the server; the emulator's reset empties it along with the store. An operation printed later prints
 * its response in the format the later request asks for. Each operation remembers the organization of the resource
 * it changed, so that only a caller who reaches that organization can read it.
 */
public final class Operations {
    /** How many named operations the log keeps. */
    public static final int CAPACITY = 10_000;

    private static final String TYPE_PREFIX = "type.googleapis.com/";
    private static final String RESOURCE_MANAGER = "google.cloud.resourcemanager.v3.";
    private static final String EMPTY_TYPE = "google.protobuf.Empty";

    /** The kinds of named operation, each with the prefix of its number. */
    public enum Kind {
        /** Folder calls: {@code operations/cf.{n}}. */
        FOLDER("cf"),
        /** Project calls: {@code operations/cp.{n}}. */
        PROJECT("cp"),
        /** Tag key calls: {@code operations/tk.{n}}. */
        TAG_KEY("tk"),
        /** Tag value calls: {@code operations/tv.{n}}. */
        TAG_VALUE("tv");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    /**
     * A named operation: its metadata, unless the call only validated how to print its response, and the
     * organization of the resource it concerns (empty when not known).
     */
    private record Recorded(String name, ObjectNode metadata, Optional<Function<WireFormat, ObjectNode>> response,
                            Optional<String> organization) {
        ObjectNode print(WireFormat format) {
            ObjectNode json = Json.object();
            json.put("name", name);
            json.set("metadata", metadata.deepCopy());
            json.put("done", true);
            response.ifPresent(r -> json.set("response", r.apply(format)));
            return json;
        }
    }

    private final LongSupplier numbers;
    private final Function<String, Optional<String>> organizationOf;
    private final Map<String, Recorded> log = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * Creates an empty log whose operations take their numbers from {@code numbers}, e.g. {@code hub::newId}, and
     * the organization of their resource from {@code organizationOf}, e.g. {@code hub.access()::organizationOf}
     * (a server without tokens, where every caller reaches everything, need not look it up).
     */
    public Operations(LongSupplier numbers, Function<String, Optional<String>> organizationOf) {
        this.numbers = numbers;
        this.organizationOf = organizationOf;
    }

    /**
     * A completed named operation: {@code resource} names a resource in the organization it concerns (one that
     * still exists after the call), {@code metadataType} is the short name of the metadata message (e.g.
     * {@code CreateFolderMetadata}), {@code metadata} its fields, {@code response} prints the resource and
     * {@code responseType} is its proto type.
     */
    public ObjectNode completed(Kind kind, String resource, String metadataType, ObjectNode metadata,
                                String responseType, Function<WireFormat, ObjectNode> response, WireFormat format) {
        Function<WireFormat, ObjectNode> typed = f -> typed(responseType, response.apply(f));
        return record(kind, resource, metadataType, metadata, Optional.of(typed)).print(format);
    }

    /** A completed named operation of a call that only validated: done, with metadata and no response. */
    public ObjectNode validated(Kind kind, String resource, String metadataType, WireFormat format) {
        return record(kind, resource, metadataType, Json.object(), Optional.empty()).print(format);
    }

    /** A completed unnamed operation with a response, as tag binding create answers. */
    public static ObjectNode unnamed(String responseType, ObjectNode response) {
        ObjectNode json = Json.object();
        json.put("done", true);
        json.set("response", typed(responseType, response));
        return json;
    }

    /** A completed unnamed operation of a call that only validated: done, with no response. */
    public static ObjectNode unnamedValidated() {
        ObjectNode json = Json.object();
        json.put("done", true);
        return json;
    }

    /** A completed unnamed operation whose response is {@code google.protobuf.Empty}, as tag binding delete answers. */
    public static ObjectNode unnamedEmpty() {
        return unnamed(EMPTY_TYPE, Json.object());
    }

    /**
     * The operation {@code operations/{id}} for a caller with {@code grant}; NOT_FOUND when unknown or no longer
     * kept. A caller limited to some organizations gets PERMISSION_DENIED for an operation of another one, and for
     * one that is not kept, so that it learns nothing about other organizations' operations.
     */
    public ObjectNode get(String name, AccessGrant grant, WireFormat format) {
        Recorded recorded;
        synchronized (log) {
            recorded = log.get(name);
        }
        boolean reached = grant.allGoogle() || (recorded != null
                && recorded.organization().map(grant::reachesGoogleOrganization).orElse(false));
        if (!reached) {
            throw PolicyHubException.permissionDenied(name);
        }
        if (recorded == null) {
            throw PolicyHubException.notFound();
        }
        return recorded.print(format);
    }

    /** Forgets every kept operation (the emulator's reset). */
    public void clear() {
        synchronized (log) {
            log.clear();
        }
    }

    private Recorded record(Kind kind, String resource, String metadataType, ObjectNode metadata,
                            Optional<Function<WireFormat, ObjectNode>> response) {
        String name = "operations/" + kind.prefix + "." + numbers.getAsLong();
        ObjectNode typedMetadata = typed(RESOURCE_MANAGER + metadataType, metadata);
        Recorded recorded = new Recorded(name, typedMetadata, response, organizationOf.apply(resource));
        synchronized (log) {
            log.put(name, recorded);
        }
        return recorded;
    }

    /** The message with {@code @type} first, as an Any prints. */
    private static ObjectNode typed(String type, JsonNode message) {
        ObjectNode json = Json.object();
        json.put("@type", TYPE_PREFIX + type);
        json.setAll((ObjectNode) message);
        return json;
    }
}
