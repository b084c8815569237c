package dev.policyhub.http;

import dev.policyhub.http.pulumi.PulumiApi;
import dev.policyhub.http.pulumi.PulumiError;
import dev.policyhub.http.pulumi.PulumiErrors;
import dev.policyhub.http.pulumi.PulumiResponse;
import dev.policyhub.http.wire.Json;
import dev.policyhub.http.wire.TransportErrors;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (bad request lines, bad URIs) as JSON instead of an HTML page: in Pulumi's shape on the
 * Pulumi paths, in Google's envelope everywhere else.
 */
final class JsonErrorHandler extends ErrorHandler {
    private static final String JSON = "application/json; charset=UTF-8";

    private final long maxRequestBytes;

    JsonErrorHandler(long maxRequestBytes) {
        this.maxRequestBytes = maxRequestBytes;
    }

    // Jetty writes a body for GET, POST and HEAD only; a refused DELETE, PATCH or PUT would get an empty answer
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int jettyCode, String message,
                                    Throwable cause, Callback callback) {
        // a request line without a version, or with one Jetty does not speak, is unreadable, not a server failure
        int code = jettyCode == HttpStatus.HTTP_VERSION_NOT_SUPPORTED_505 ? HttpStatus.BAD_REQUEST_400 : jettyCode;
        String path = request.getHttpURI() == null || request.getHttpURI().getPath() == null ? ""
                : request.getHttpURI().getPath();
        if (PulumiApi.serves(path)) {
            PulumiResponse pulumi = pulumiError(code);
            response.setStatus(pulumi.status());
            response.getHeaders().put(PolicyHubServer.PULUMI_REQUEST_ID, PolicyHubServer.newPulumiRequestId());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, pulumi.contentType());
            response.write(true, ByteBuffer.wrap(pulumi.body()), callback);
            return;
        }
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    /** Pulumi's answer to a request the web stack refused: no route (404 or 405) is Pulumi's 404, never a 405. */
    static PulumiResponse pulumiError(int status) {
        if (status == 404 || status == 405) {
            return PulumiErrors.of(PulumiError.routeNotFound());
        }
        return PulumiErrors.of(status, status >= 500 ? PulumiErrors.INTERNAL_DETAIL : "the request could not be read");
    }

    private byte[] body(int status, String reason) {
        return Json.print(TransportErrors.body(status, reason, maxRequestBytes), true);
    }
}
