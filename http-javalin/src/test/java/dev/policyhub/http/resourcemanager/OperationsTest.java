package dev.policyhub.http.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.WireFormat;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The operation log")
class OperationsTest {

    @Test
    @DisplayName("keeps the last CAPACITY named operations; older ones answer NOT_FOUND")
    void bounded() {
        Operations operations = new Operations(new AtomicLong()::incrementAndGet, name -> Optional.empty());
        for (int i = 0; i <= Operations.CAPACITY; i++) {
            operations.validated(Operations.Kind.TAG_KEY, "organizations/1", "CreateTagKeyMetadata", WireFormat.NAMES);
        }
        PolicyHubException gone = assertThrows(PolicyHubException.class,
                () -> operations.get("operations/tk.1", AccessGrant.everything(), WireFormat.NAMES));
        assertEquals(ErrorCode.NOT_FOUND, gone.code());
        assertEquals("operations/tk.2", operations.get("operations/tk.2", AccessGrant.everything(), WireFormat.NAMES).path("name").asText());
        String last = "operations/tk." + (Operations.CAPACITY + 1);
        assertEquals(last, operations.get(last, AccessGrant.everything(), WireFormat.NAMES).path("name").asText());
    }

    @Test
    @DisplayName("prefixes the numbers per kind and types metadata and response as Anys")
    void shape() {
        Operations operations = new Operations(new AtomicLong()::incrementAndGet, name -> Optional.empty());
        ServerTestBase.assertJson("""
                {"name": "operations/cp.1",
                 "metadata": {"@type": "type.googleapis.com/google.cloud.resourcemanager.v3.DeleteProjectMetadata"},
                 "done": true,
                 "response": {"@type": "type.googleapis.com/google.cloud.resourcemanager.v3.Project", "x": 1}}""",
                operations.completed(Operations.Kind.PROJECT, "projects/1", "DeleteProjectMetadata", Json.object(),
                        ProjectJson.TYPE, format -> Json.object().put("x", 1), WireFormat.NAMES));
        ServerTestBase.assertJson("""
                {"done": true, "response": {"@type": "type.googleapis.com/google.protobuf.Empty"}}""",
                Operations.unnamedEmpty());
    }
}
