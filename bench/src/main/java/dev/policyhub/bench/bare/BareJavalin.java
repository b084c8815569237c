package dev.policyhub.bench.bare;

import io.javalin.Javalin;

import java.nio.charset.StandardCharsets;

/**
 * The baseline server: Javalin with one GET route returning fixed bytes, nothing else. Runs as its own shaded jar
 * ({@code java -jar bare-javalin.jar PORT}) for start-up timing, and in-process for the HTTP throughput baseline.
 */
public final class BareJavalin {
    /** The path of the one route. */
    public static final String PATH = "/bare";

    private BareJavalin() {
    }

    /** Serves {@code {}} at {@link #PATH} on loopback, on the port given as the only argument. */
    public static void main(String[] args) {
        start(Integer.parseInt(args[0]), "{}".getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a loopback server on {@code port} (0: any free port) answering {@link #PATH} with {@code body}. */
    public static Javalin start(int port, byte[] body) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = port;
            cfg.routes.get(PATH, ctx -> ctx.contentType("application/json").result(body));
        }).start();
    }
}
