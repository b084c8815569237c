package dev.policyhub.http.pulumi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.policyhub.core.policygroups.PackRef;
import dev.policyhub.core.policygroups.PolicyGroupUpdate;
import dev.policyhub.core.policygroups.StackRef;

/**
 * Reads an {@code UpdatePolicyGroupRequest} (a PATCH body, or one element of a batch) keeping absent and
 * {@code null} apart from {@code []}: an absent replacement list leaves the group's list alone, {@code []} clears it.
 */
final class UpdateRequestReader {
    private UpdateRequestReader() {
    }

    /** The update a JSON object asks for; any other JSON value, or a field of the wrong type, is 400. */
    static PolicyGroupUpdate read(JsonNode node) {
        BodyFields body = BodyFields.of(node);
        return new PolicyGroupUpdate(
                body.string("newName"),
                body.object("addStack").map(UpdateRequestReader::stack),
                body.object("removeStack").map(UpdateRequestReader::stack),
                body.object("addPolicyPack").map(UpdateRequestReader::pack),
                body.object("removePolicyPack").map(UpdateRequestReader::pack),
                body.object("addInsightsAccount").map(account -> account.text("name")),
                body.object("removeInsightsAccount").map(account -> account.text("name")),
                body.array("stacks", element -> stack(BodyFields.of(element))),
                body.array("policyPacks", element -> pack(BodyFields.of(element))),
                body.strings("insightsAccounts"),
                body.string("agentPoolId"),
                body.string("mode"),
                body.string("entityType"));
    }

    /** {@code {"name","routingProject"?}}; a missing name is left to the service to refuse. */
    private static StackRef stack(BodyFields ref) {
        return new StackRef(ref.text("routingProject"), ref.text("name"));
    }

    /** A PolicyPackMetadata as a reference; the service validates {@code config} and {@code environments}. */
    private static PackRef pack(BodyFields ref) {
        return new PackRef(ref.text("name"), ref.int64("version").orElse(0L), ref.text("versionTag"),
                ref.plain("config"), ref.plain("environments"));
    }
}
