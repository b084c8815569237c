package dev.policyhub.http.resourcemanager;

import dev.policyhub.http.support.RawHttp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.policyhub.core.hierarchy.Organization;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Resource Manager v3 organizations over HTTP")
class OrganizationRoutesTest extends ServerTestBase {

    @Test
    @DisplayName("get answers the organization; enum-encoding=int prints its state as a number")
    void get() {
        Organization org = hub.hierarchy().createOrganization(123L, "example.com", "C01abc");
        String expected = """
                {"name": "organizations/123", "displayName": "example.com", "directoryCustomerId": "C01abc",
                 "state": %s, "createTime": "%s", "updateTime": "%s", "etag": "%s"}""";
        assertOk(expected.formatted("\"ACTIVE\"", stamp(0), stamp(0), org.etag()), http.get("/v3/organizations/123"));
        assertOk(expected.formatted("1", stamp(0), stamp(0), org.etag()),
                http.get("/v3/organizations/123?$alt=json;enum-encoding=int&prettyPrint=false"));
    }

    @Test
    @DisplayName("an organization without a directory customer id leaves the field out")
    void noCustomerId() {
        hub.hierarchy().createOrganization(7L, null, null);
        RawHttp.Reply reply = http.get("/v3/organizations/7");
        assertEquals("7", reply.json().path("displayName").asText());
        assertFalse(reply.json().has("directoryCustomerId"), reply.text());
    }

    @Test
    @DisplayName("search matches domain: and directoryCustomerId: (field names in any case); empty lists all, in pages")
    void search() {
        hub.hierarchy().createOrganization(1L, "a.example", "C01");
        hub.hierarchy().createOrganization(2L, "b.example", "C02");
        hub.hierarchy().createOrganization(3L, "c.example", "C03");
        assertEquals(List.of("organizations/2"), names(http.get("/v3/organizations:search?query=domain:b.example")));
        assertEquals(List.of("organizations/3"),
                names(http.get("/v3/organizations:search?query=DirectoryCustomerID%3AC03")));
        assertOk("{}", http.get("/v3/organizations:search?query=domain:nowhere.example"));

        RawHttp.Reply first = http.get("/v3/organizations:search?pageSize=2&query");
        assertEquals(List.of("organizations/1", "organizations/2"), names(first));
        RawHttp.Reply second = http.get("/v3/organizations:search?pageSize=2&pageToken="
                + first.json().path("nextPageToken").asText());
        assertEquals(List.of("organizations/3"), names(second));
        assertFalse(second.json().has("nextPageToken"));
    }

    @Test
    @DisplayName("a search query on another field is 400; a negative page size is 400")
    void badSearch() {
        assertBadField("query", http.get("/v3/organizations:search?query=owner:me"));
        assertBadField("page_size", http.get("/v3/organizations:search?pageSize=-1"));
    }

    @Test
    @DisplayName("get of a missing organization is 403 PERMISSION_DENIED naming it")
    void getMissing() {
        assertError(403, "PERMISSION_DENIED",
                "Permission denied on resource 'organizations/404' (or it may not exist).",
                http.get("/v3/organizations/404"));
    }

    private static List<String> names(RawHttp.Reply reply) {
        assertEquals(200, reply.status(), reply.text());
        List<String> names = new ArrayList<>();
        reply.json().path("organizations").forEach(o -> names.add(o.path("name").asText()));
        return names;
    }
}
