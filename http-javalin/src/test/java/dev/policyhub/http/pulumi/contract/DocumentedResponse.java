package dev.policyhub.http.pulumi.contract;

/**
 * One response an operation documents: its media type and the absolute location of its schema, both null for a
 * response without a body; the schema is also null for a body that is not JSON.
 */
record DocumentedResponse(String mediaType, String schemaLocation) {

    /** Whether the response has no body. */
    boolean empty() {
        return mediaType == null;
    }
}
