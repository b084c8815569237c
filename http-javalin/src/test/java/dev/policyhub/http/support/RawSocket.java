package dev.policyhub.http.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One request written byte for byte on its own connection, and everything the server sends until it closes. */
public final class RawSocket {
    private RawSocket() {
    }

    /**
     * Sends {@code request} (each char one byte, ISO-8859-1, so raw UTF-8 or control bytes can be given) to the
     * server at {@code baseUrl} and returns what came back, as UTF-8, once the server closes the connection (the
     * request should say {@code Connection: close} unless the server is expected to close by itself).
     */
    public static String exchange(String baseUrl, String request) throws IOException {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // the server may answer a refused request and stop reading before all of it is sent
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(bytes);
            } catch (IOException e) {
                // the server may reset the connection after answering a refused upload; the answer is already read
            }
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
