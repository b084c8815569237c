package dev.policyhub.storage.memory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.access.AccessGrant;
import dev.policyhub.core.access.AccessService;
import dev.policyhub.core.error.ErrorCode;
import dev.policyhub.core.error.PolicyHubException;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.HierarchyService;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.NewTagKey;
import dev.policyhub.core.hierarchy.NewTagValue;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.core.hierarchy.TagKey;
import dev.policyhub.core.hierarchy.TagValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Reach over a real hierarchy on the memory store: organization 1 holds folder a, which holds folder b, which holds
 * project {@code deep-project}; tag key {@code 1/env} with value {@code dev} hangs off the organization, key
 * {@code deep-project/team} with value {@code red} off the project. Organization 2 holds project
 * {@code other-project}.
 */
@DisplayName("Google reach: a resource belongs to the organization at the top of its hierarchy")
class GoogleReachTest {
    private PolicyHub hub;
    private AccessService access;
    private Folder a;
    private Folder b;
    private Project deep;
    private Project other;
    private TagKey env;
    private TagValue dev;
    private TagKey team;
    private TagValue red;

    @BeforeEach
    void hierarchy() {
        hub = PolicyHub.builder().storage("memory", Map.of()).build();
        access = hub.access();
        HierarchyService h = hub.hierarchy();
        h.createOrganization(1L, "one.example", null);
        h.createOrganization(2L, "two.example", null);
        a = h.createFolder(NewFolder.of("organizations/1", "a"));
        b = h.createFolder(NewFolder.of(a.name(), "b"));
        deep = h.createProject(NewProject.of("deep-project", b.name()));
        other = h.createProject(NewProject.of("other-project", "organizations/2"));
        env = h.createTagKey(NewTagKey.of("organizations/1", "env"), false);
        dev = h.createTagValue(NewTagValue.of(env.name(), "dev"), false);
        team = h.createTagKey(NewTagKey.of(deep.name(), "team"), false);
        red = h.createTagValue(NewTagValue.of(team.name(), "red"), false);
    }

    @AfterEach
    void close() {
        hub.close();
    }

    private static AccessGrant google(String... organizations) {
        return new AccessGrant(Set.of(), false, Set.of(organizations), false, false);
    }

    private void assertReached(AccessGrant grant, String... names) {
        assertDoesNotThrow(() -> access.requireGoogle(grant, Arrays.asList(names)), String.join(", ", names));
    }

    private void assertRefused(String refused, AccessGrant grant, String... names) {
        PolicyHubException e = assertThrows(PolicyHubException.class,
                () -> access.requireGoogle(grant, Arrays.asList(names)), String.join(", ", names));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
        assertEquals("Permission denied on resource '" + refused + "' (or it may not exist).", e.getMessage());
    }

    @Test
    @DisplayName("every form of name resolves to its organization, through folders, projects, keys and values")
    void organizations() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("organizations/1", "organizations/1"),
                Map.entry(a.name(), "organizations/1"),
                Map.entry(b.name(), "organizations/1"),
                Map.entry(deep.name(), "organizations/1"),
                Map.entry("projects/deep-project", "organizations/1"),
                Map.entry(deep.name() + "/policies/compute.disableSerialPortAccess", "organizations/1"),
                Map.entry("organizations/1/customConstraints/custom.x", "organizations/1"),
                Map.entry("//cloudresourcemanager.googleapis.com/" + deep.name(), "organizations/1"),
                Map.entry("//cloudresourcemanager.googleapis.com/" + b.name(), "organizations/1"),
                Map.entry(env.name(), "organizations/1"),
                Map.entry(dev.name(), "organizations/1"),
                Map.entry(team.name(), "organizations/1"),
                Map.entry(red.name(), "organizations/1"),
                Map.entry("1/env", "organizations/1"),
                Map.entry("1/env/dev", "organizations/1"),
                Map.entry("deep-project/team", "organizations/1"),
                Map.entry("deep-project/team/red", "organizations/1"),
                Map.entry(other.name(), "organizations/2"),
                Map.entry("projects/other-project", "organizations/2"));
        expected.forEach((name, org) -> assertEquals(Optional.of(org), access.organizationOf(name), name));
    }

    @Test
    @DisplayName("a grant reaches its organization's whole subtree and nothing of another organization")
    void subtree() {
        AccessGrant one = google("organizations/1");
        assertReached(one, "organizations/1", a.name(), b.name(), "projects/deep-project", deep.name(), env.name(),
                dev.name(), team.name(), red.name(), "1/env/dev", "deep-project/team",
                "//cloudresourcemanager.googleapis.com/" + deep.name());
        assertRefused("organizations/2", one, "organizations/2");
        assertRefused("projects/other-project", one, a.name(), "projects/other-project");
        assertReached(google("organizations/1", "organizations/2"), deep.name(), other.name());
    }

    @Test
    @DisplayName("a missing resource is not reached; an empty name is skipped; a grant of every organization"
            + " needs no lookup")
    void missing() {
        AccessGrant one = google("organizations/1");
        for (String missing : List.of("folders/999", "projects/no-such-project", "projects/999", "tagKeys/999",
                "tagValues/999", "1/nope", "1/env/nope", "organizations/3", "operations/cf.1", "folders/x",
                "garbage", "a/b/c/d", "//cloudresourcemanager.googleapis.com/folders/999")) {
            assertRefused(missing, one, missing);
            assertEquals(Optional.empty(), access.organizationOf(missing), missing);
        }
        assertReached(one, "", a.name());
        assertReached(new AccessGrant(Set.of(), false, Set.of(), true, false), "folders/999", other.name());
        assertRefused(a.name(), new AccessGrant(Set.of("acme"), false, Set.of(), false, true), a.name());
    }

    @Test
    @DisplayName("a moved folder belongs where it now is")
    void moved() {
        Folder top = hub.hierarchy().createFolder(NewFolder.of("organizations/1", "top"));
        hub.hierarchy().moveFolder(b.name(), top.name());

        assertEquals(Optional.of("organizations/1"), access.organizationOf(deep.name()));
        assertReached(google("organizations/1"), deep.name(), top.name());
    }
}
