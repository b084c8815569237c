package dev.policyhub.http.orgpolicy;

import dev.policyhub.core.PolicyHub;
import dev.policyhub.core.hierarchy.Folder;
import dev.policyhub.core.hierarchy.NewFolder;
import dev.policyhub.core.hierarchy.NewProject;
import dev.policyhub.core.hierarchy.Project;
import dev.policyhub.http.PolicyHubServer;
import dev.policyhub.http.ServerOptions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A server on a memory store with a fixed clock and a three-level hierarchy: {@code organizations/123} → folder
 * {@code prod} → project {@code web-prod}, plus an empty project {@code empty-proj} directly under the organization.
 */
final class TestServer implements AutoCloseable {
    /** The instant every write is stamped near (each later write one microsecond after the previous one). */
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05.123456Z");
    static final String ORG = "organizations/123";

    final PolicyHub hub;
    final PolicyHubServer server;
    final Folder folder;
    final Project project;
    final Project emptyProject;

    private TestServer(PolicyHub hub, PolicyHubServer server, Folder folder, Project project, Project emptyProject) {
        this.hub = hub;
        this.server = server;
        this.folder = folder;
        this.project = project;
        this.emptyProject = emptyProject;
    }

    static TestServer start() {
        return start(ServerOptions.ephemeral());
    }

    /** The same server with other options (e.g. access tokens). */
    static TestServer start(ServerOptions options) {
        PolicyHub hub = PolicyHub.builder().storage("memory", Map.of()).clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();
        hub.hierarchy().createOrganization(123L, "example.com", null);
        Folder folder = hub.hierarchy().createFolder(NewFolder.of(ORG, "prod"));
        Project project = hub.hierarchy().createProject(NewProject.of("web-prod", folder.name()));
        Project empty = hub.hierarchy().createProject(NewProject.of("empty-proj", ORG));
        return new TestServer(hub, PolicyHubServer.start(hub, options), folder, project, empty);
    }

    int port() {
        return server.port();
    }

    String url() {
        return server.url();
    }

    @Override
    public void close() {
        server.close();
        hub.close();
    }
}
