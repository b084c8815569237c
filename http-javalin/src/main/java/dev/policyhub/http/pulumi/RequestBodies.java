package dev.policyhub.http.pulumi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/** Reads a request body up to a size limit, inflating {@code Content-Encoding: gzip} (the CLI gzips large bodies). */
final class RequestBodies {
    private RequestBodies() {
    }

    /** The body's bytes; more than {@code limit} bytes (after inflation) is a 413 with {@code tooLarge} as detail. */
    static byte[] read(InputStream in, String contentEncoding, long limit, String tooLarge) {
        boolean gzip = contentEncoding.trim().toLowerCase(Locale.ROOT).equals("gzip");
        try (InputStream source = gzip ? new GZIPInputStream(in) : in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n = source.read(buffer); n >= 0; n = source.read(buffer)) {
                total += n;
                if (total > limit) {
                    throw new PulumiError(413, tooLarge);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // not gzip after all, or a body the web stack cannot read (a broken chunk): the client's error
            throw PulumiError.invalidBody();
        }
    }
}
