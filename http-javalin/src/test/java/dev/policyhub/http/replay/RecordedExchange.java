package dev.policyhub.http.replay;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One request and the response the real service gave, as a {@code _http.log} records it. {@code index} counts from 1
 * in log order; {@code url} is the raw recorded URL (still percent-encoded, placeholders unreplaced); a body is
 * {@code ""} when there is none.
 */
public record RecordedExchange(int index, String method, String url, List<Header> requestHeaders, String requestBody,
                               int status, List<Header> responseHeaders, String responseBody) {

    /** One header line, {@code Name: value}; names keep their recorded case and repeats stay separate. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    public RecordedExchange {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        requestHeaders = List.copyOf(requestHeaders);
        Objects.requireNonNull(requestBody, "requestBody");
        responseHeaders = List.copyOf(responseHeaders);
        Objects.requireNonNull(responseBody, "responseBody");
        if (!url.startsWith("https://") || url.indexOf('/', "https://".length()) < 0) {
            throw new IllegalArgumentException("not an absolute https URL with a path: " + url);
        }
    }

    /** The host, e.g. {@code orgpolicy.googleapis.com}. */
    public String host() {
        return url.substring("https://".length(), pathStart());
    }

    /** The raw path, e.g. {@code /v2/projects/p/policies/x}. */
    public String path() {
        int query = url.indexOf('?');
        return query < 0 ? url.substring(pathStart()) : url.substring(pathStart(), query);
    }

    /** The raw query after {@code ?}, exactly as recorded ({@code ""} when there is none). */
    public String query() {
        int query = url.indexOf('?');
        return query < 0 ? "" : url.substring(query + 1);
    }

    /** Path and query as they go on the request line. */
    public String pathAndQuery() {
        return url.substring(pathStart());
    }

    /** The first response header with this name (case-insensitive). */
    public Optional<String> responseHeader(String name) {
        return responseHeaders.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The same exchange with {@code edit} applied to the URL, every header value and both bodies. */
    public RecordedExchange mapText(UnaryOperator<String> edit) {
        return new RecordedExchange(index, method, edit.apply(url), mapHeaders(requestHeaders, edit),
                edit.apply(requestBody), status, mapHeaders(responseHeaders, edit), edit.apply(responseBody));
    }

    /** {@code #3 GET https://host/path?query}, for messages and test names. */
    public String label() {
        return "#" + index + " " + method + " " + url;
    }

    private int pathStart() {
        return url.indexOf('/', "https://".length());
    }

    private static List<Header> mapHeaders(List<Header> headers, UnaryOperator<String> edit) {
        return headers.stream().map(h -> new Header(h.name(), edit.apply(h.value()))).toList();
    }
}
