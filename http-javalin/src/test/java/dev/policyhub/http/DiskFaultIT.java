package dev.policyhub.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.policyhub.core.error.StorageFailureException.Reason;
import dev.policyhub.http.support.RawHttp;
import dev.policyhub.http.support.RawHttp.Reply;
import dev.policyhub.http.support.ServerJar;
import dev.policyhub.http.support.SqliteFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server jar on SQLite when its storage refuses writes, by real conditions of the operating system: a file size
 * limit (RLIMIT_FSIZE, put on the running server with {@code prlimit}: every write past it fails with EFBIG, as on a
 * full disk) and a read-only database file. Writes fail at once with a 500 in each API's shape that names the
 * condition and nothing internal; reads keep working; the first write after the condition clears succeeds without a
 * restart; and the file stays sound.
 */
@DisplayName("Storage faults on the server jar: full or read-only storage")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DiskFaultIT {
    private static final String POLICY = "organizations/1/policies/compute.requireOsLogin";
    private static final String LATER_POLICY = "organizations/1/policies/compute.requireShieldedVm";
    private static final String GROUPS = "/api/orgs/acme/policygroups";
    /** The unprivileged account the server runs as when the tests run as root, whom no file permission stops. */
    private static final int NOBODY = 65534;
    /** A refused write must be answered well within this, not after waiting on a lock or a retry loop. */
    private static final long PROMPT_MILLIS = 5_000;

    @TempDir
    Path dir;

    @Test
    @DisplayName("a file size limit on the running server: writes are 500 naming the full storage, reads work,"
            + " lifting the limit is enough")
    void fileSizeLimit() throws Exception {
        Path db = dir.resolve("hub.db");
        try (ServerJar server = ServerJar.start(List.of("--port", "0", "--db", db.toString()))) {
            RawHttp http = new RawHttp(server.url());
            writeFixture(http);

            // soft limit only: raising it back needs no privilege (CAP_SYS_RESOURCE may be missing, even for root)
            prlimit(server.pid(), "1:");
            List<Reply> refused = attemptWrites(http, "full");
            for (Reply reply : refused) {
                assertStorageFailure(Set.of(Reason.FULL.message(), Reason.IO.message()), reply);
            }
            assertTrue(server.isAlive(), "the server survives the failed writes (HotSpot ignores SIGXFSZ)");
            assertFixtureReadable(http);

            prlimit(server.pid(), "unlimited:");
            assertWritesLand(http, "full");
            assertEquals(143, server.terminate(), server::output);
            assertTrue(server.output().contains("storage failure"), "the server logs the failures");
        }
        assertEquals(List.of(), SqliteFile.problems(db));
    }

    @Test
    @DisplayName("a read-only database file: the running server keeps its open file, a started one answers writes"
            + " with 500 naming the read-only storage, reads work, restoring the permission is enough")
    void readOnlyFile() throws Exception {
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        // the server runs as an unprivileged user: root writes whatever the permissions say
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx--x--x"));
        Path jar = Files.copy(ServerJar.jar(), dir.resolve("policyhub-server.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(jar, PosixFilePermissions.fromString("rw-r--r--"));
        Path data = Files.createDirectory(dir.resolve("data"));
        List<String> wrapper = new ArrayList<>();
        if (root) {
            Files.setAttribute(data, "unix:uid", NOBODY);
            Files.setAttribute(data, "unix:gid", NOBODY);
            wrapper.addAll(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
        }
        Path db = data.resolve("hub.db");
        List<String> args = List.of("--port", "0", "--db", db.toString());

        try (ServerJar server = ServerJar.start(wrapper, jar, args)) {
            RawHttp http = new RawHttp(server.url());
            writeFixture(http);
            writable(data, false);
            // permissions are checked when a file is opened: the server keeps writing through the descriptors it has
            Reply stillWritable = http.post(GROUPS, "{\"name\":\"after-chmod\",\"entityType\":\"stacks\"}");
            assertEquals(204, stillWritable.status(), stillWritable::text);
            assertEquals(143, server.terminate(), server::output);
        }

        try (ServerJar server = ServerJar.start(wrapper, jar, args)) {
            RawHttp http = new RawHttp(server.url());
            List<Reply> refused = attemptWrites(http, "ro");
            for (Reply reply : refused) {
                assertStorageFailure(Set.of(Reason.READ_ONLY.message()), reply);
            }
            assertFixtureReadable(http);
            assertEquals(200, http.get(GROUPS + "/after-chmod").status());

            writable(data, true);
            assertWritesLand(http, "ro");
            assertEquals(143, server.terminate(), server::output);
        }
        assertEquals(List.of(), SqliteFile.problems(db));
    }

    /** An organization with a policy and a tag key; a Pulumi organization with a group. */
    private static void writeFixture(RawHttp http) {
        assertOk(http.post("/admin/v1/organizations", "{\"organizationId\":\"1\"}"));
        assertOk(http.post("/v2/organizations/1/policies", "{\"name\":\"" + POLICY + "\","
                + "\"spec\":{\"rules\":[{\"enforce\":true}]}}"));
        assertOk(http.post("/v3/tagKeys", "{\"parent\":\"organizations/1\",\"shortName\":\"env\","
                + "\"description\":\"before the fault\"}"));
        assertOk(http.post("/admin/v1/pulumi/orgs", "{\"name\":\"acme\"}"));
        Reply group = http.post(GROUPS, "{\"name\":\"before\",\"entityType\":\"stacks\"}");
        assertEquals(204, group.status(), group::text);
    }

    private static void assertFixtureReadable(RawHttp http) {
        Reply policy = http.get("/v2/" + POLICY);
        assertOk(policy);
        assertTrue(policy.json().path("spec").path("rules").path(0).path("enforce").asBoolean(), policy::text);
        Reply key = http.get("/v3/tagKeys/namespaced?name=1/env");
        assertOk(key);
        assertEquals("before the fault", key.json().path("description").asText(), key::text);
        Reply group = http.get(GROUPS + "/before");
        assertOk(group);
        assertEquals("before", group.json().path("name").asText(), group::text);
    }

    /** A Google policy, a tag key and a Pulumi group, each named after {@code tag}: the answers, each prompt. */
    private static List<Reply> attemptWrites(RawHttp http, String tag) {
        List<Reply> replies = new ArrayList<>();
        for (String[] write : writes(tag)) {
            long started = System.nanoTime();
            replies.add(http.post(write[0], write[1]));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(millis < PROMPT_MILLIS, () -> "POST " + write[0] + " took " + millis + " ms");
        }
        return replies;
    }

    private static void assertWritesLand(RawHttp http, String tag) {
        List<Reply> replies = attemptWrites(http, tag);
        assertOk(replies.get(0));
        assertOk(replies.get(1));
        assertEquals(204, replies.get(2).status(), replies.get(2)::text);
        assertOk(http.get("/v2/" + LATER_POLICY));
        assertEquals("after " + tag, http.get("/v3/tagKeys/namespaced?name=1/" + tag).json().path("description")
                .asText());
        assertOk(http.get(GROUPS + "/" + tag));
    }

    private static List<String[]> writes(String tag) {
        return List.of(
                new String[] {"/v2/organizations/1/policies", "{\"name\":\"" + LATER_POLICY + "\","
                        + "\"spec\":{\"rules\":[{\"enforce\":true}]}}"},
                new String[] {"/v3/tagKeys", "{\"parent\":\"organizations/1\",\"shortName\":\"" + tag + "\","
                        + "\"description\":\"after " + tag + "\"}"},
                new String[] {GROUPS, "{\"name\":\"" + tag + "\",\"entityType\":\"stacks\"}"});
    }

    /** A 500 in the API's own shape whose message is one of {@code messages} and names nothing internal. */
    private static void assertStorageFailure(Set<String> messages, Reply reply) {
        assertEquals(500, reply.status(), reply::text);
        String message;
        if (reply.json().has("error")) {
            assertEquals(500, reply.error().path("code").asInt(), reply::text);
            assertEquals("INTERNAL", reply.error().path("status").asText(), reply::text);
            message = reply.error().path("message").asText();
        } else {
            assertEquals(500, reply.json().path("code").asInt(), reply::text);
            String pulumi = reply.json().path("message").asText();
            assertTrue(pulumi.startsWith("Internal Server Error: "), reply::text);
            message = pulumi.substring("Internal Server Error: ".length());
        }
        assertTrue(messages.contains(message), () -> "unexpected message: " + reply.text());
        String lower = reply.text().toLowerCase(Locale.ROOT);
        for (String leak : List.of("sql", "exception", ".db", "/", "jdbi", "errno")) {
            assertFalse(lower.contains(leak), () -> "the answer names '" + leak + "': "
                    + reply.text());
        }
    }

    private static void assertOk(Reply reply) {
        assertEquals(200, reply.status(), reply::text);
    }

    /** Sets the soft file size limit of a running process, in bytes ({@code unlimited} lifts it). */
    private static void prlimit(long pid, String soft) throws IOException, InterruptedException {
        Process prlimit = new ProcessBuilder("prlimit", "--pid", Long.toString(pid), "--fsize=" + soft)
                .redirectErrorStream(true).start();
        String output = new String(prlimit.getInputStream().readAllBytes());
        assertTrue(prlimit.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, prlimit.exitValue(), "prlimit failed: " + output);
    }

    /** Makes the data directory and every database file in it read-only, or writable again. */
    private static void writable(Path data, boolean writable) throws IOException {
        try (var files = Files.list(data)) {
            for (Path file : files.toList()) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(writable ? "rw-r--r--"
                        : "r--r--r--"));
            }
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString(writable ? "rwxr-xr-x" : "r-xr-xr-x"));
    }
}
