package dev.policyhub.http.replay;

import dev.policyhub.http.replay.RecordedExchange.Header;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a Config Connector {@code _http.log}: exchanges separated by a line {@code ---}; each is a request line
 * {@code METHOD URL}, request headers, a blank line, an optional request body, the status line {@code NNN Reason},
 * response headers, a blank line and the response body.
 */
public final class HttpLogParser {
    private static final Pattern SEPARATOR = Pattern.compile("\n---\n");
    private static final Pattern STATUS_LINE = Pattern.compile("^\\d{3}( .*)?$");

    private HttpLogParser() {
    }

    /** The exchanges of a log, in order, numbered from 1. */
    public static List<RecordedExchange> parse(String log) {
        String text = log.replace("\r\n", "\n");
        List<RecordedExchange> exchanges = new ArrayList<>();
        for (String block : SEPARATOR.split(text)) {
            if (!block.isBlank()) {
                exchanges.add(parseBlock(exchanges.size() + 1, block));
            }
        }
        return exchanges;
    }

    private static RecordedExchange parseBlock(int index, String block) {
        List<String> lines = List.of(block.strip().split("\n", -1));
        String[] requestLine = lines.get(0).split(" ", 2);
        if (requestLine.length != 2) {
            throw new IllegalArgumentException("exchange " + index + ": bad request line: " + lines.get(0));
        }
        int at = 1;
        List<Header> requestHeaders = new ArrayList<>();
        for (; at < lines.size() && !lines.get(at).isEmpty(); at++) {
            requestHeaders.add(header(index, lines.get(at)));
        }
        int bodyStart = at;
        while (at < lines.size() && !STATUS_LINE.matcher(lines.get(at)).matches()) {
            at++;
        }
        if (at == lines.size()) {
            throw new IllegalArgumentException("exchange " + index + ": no status line");
        }
        String requestBody = join(lines, bodyStart, at);
        int status = Integer.parseInt(lines.get(at).substring(0, 3));
        at++;
        List<Header> responseHeaders = new ArrayList<>();
        for (; at < lines.size() && !lines.get(at).isEmpty(); at++) {
            responseHeaders.add(header(index, lines.get(at)));
        }
        String responseBody = join(lines, at, lines.size());
        return new RecordedExchange(index, requestLine[0], requestLine[1], requestHeaders, requestBody, status,
                responseHeaders, responseBody);
    }

    private static Header header(int index, String line) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("exchange " + index + ": bad header line: " + line);
        }
        return new Header(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
    }

    private static String join(List<String> lines, int from, int to) {
        return String.join("\n", lines.subList(Math.min(from, to), to)).strip();
    }
}
