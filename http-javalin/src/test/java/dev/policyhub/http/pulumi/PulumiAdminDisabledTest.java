package dev.policyhub.http.pulumi;

import dev.policyhub.http.ServerOptions;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("With admin endpoints off, /admin/v1/pulumi/ matches no route")
class PulumiAdminDisabledTest extends PulumiAdminTestBase {
    @Override
    ServerOptions options() {
        return new ServerOptions(ServerOptions.DEFAULT_BIND, 0, false);
    }

    @Test
    @DisplayName("the Pulumi admin routes answer 404 route not found in Pulumi's shape")
    void adminOff() {
        assertError(404, "Not Found: route not found", http.post("/admin/v1/pulumi/orgs", "{\"name\":\"acme\"}"));
        assertError(404, "Not Found: route not found", http.delete("/admin/v1/pulumi/orgs/acme"));
        assertError(404, "Not Found: route not found", http.send("PUT", "/admin/v1/pulumi/orgs/acme/resource-counts",
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertError(404, "Not Found: Organization 'acme' not found", http.get("/api/orgs/acme/policypacks"));
    }
}
