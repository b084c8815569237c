package dev.policyhub.http;

import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.TransportErrors;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/** Jetty's own error answers (bad request lines, bad URIs) in Google's JSON envelope instead of an HTML page. */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json; charset=UTF-8";

    private final long maxRequestBytes;

    JsonErrorHandler(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private byte[] body(int status, String reason) {
        return Json.print(TransportErrors.body(status, reason, maxRequestBytes), true);
    }
}
