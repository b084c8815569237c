package dev.policyhub.http.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runnable server jar as a child process: started as users start it (optionally under a wrapper command such as
 * {@code setpriv}), awaited until it prints its address, its output collected by this process through pipes (never a
 * file: a file size limit put on the server would cut it), stopped with SIGTERM or SIGKILL.
 */
public final class ServerJar implements AutoCloseable {
    private static final Pattern STARTED = Pattern.compile("PolicyHub serving (http://\\S+) \\(storage: (.+)\\)");

    private final Process process;
    private final String url;
    private final StringBuffer output;

    private ServerJar(Process process, String url, StringBuffer output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** The jar Failsafe hands over in {@code policyhub.server.jar}. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("policyhub.server.jar", "target/policyhub-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the jar first: " + jar.toAbsolutePath());
        }
        return jar;
    }

    /** Starts {@code java -jar jar args…}; returns once the server prints the address it serves. */
    public static ServerJar start(List<String> args) {
        return start(List.of(), jar(), args);
    }

    /** Starts {@code wrapper… java -jar jar args…}; returns once the server prints the address it serves. */
    public static ServerJar start(List<String> wrapper, Path jar, List<String> args) {
        List<String> command = new ArrayList<>(wrapper);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(args);
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuffer output = new StringBuffer();
        CompletableFuture<String> url = new CompletableFuture<>();
        drain(process.getInputStream(), output, url, "server-stdout");
        drain(process.getErrorStream(), output, new CompletableFuture<>(), "server-stderr");
        try {
            return new ServerJar(process, url.get(60, TimeUnit.SECONDS), output);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the server printed no start-up line; output: " + output, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        }
    }

    /** The base URL it serves, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return url;
    }

    /** The process id. */
    public long pid() {
        return process.pid();
    }

    /** True while the process runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything the server printed so far, both streams interleaved by line. */
    public String output() {
        return output.toString();
    }

    /** Sends SIGTERM and waits up to 30 s for the exit; returns the exit status (143 after SIGTERM). */
    public int terminate() {
        process.destroy();
        return awaitExit();
    }

    /** Sends SIGKILL and waits for the exit; returns the exit status (137 after SIGKILL). */
    public int kill() {
        process.destroyForcibly();
        return awaitExit();
    }

    /** Kills the server if it still runs. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not exit within 30 s; output: " + output);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void drain(InputStream stream, StringBuffer output, CompletableFuture<String> url, String name) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                    Matcher started = STARTED.matcher(line);
                    if (started.matches()) {
                        url.complete(started.group(1));
                    }
                }
            } catch (IOException e) {
                // the process is gone and its pipe with it; what it printed is kept
            }
            url.completeExceptionally(new IllegalStateException("the server's output ended"));
        }, name);
        reader.setDaemon(true);
        reader.start();
    }
}
