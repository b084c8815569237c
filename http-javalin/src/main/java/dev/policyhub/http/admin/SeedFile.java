package dev.policyhub.http.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the seed file given at start-up, refusing one over {@link #MAX_BYTES} before reading any of it. */
public final class SeedFile {
    /** Largest seed file: tens of thousands of entries, and still parsed in memory in a moment. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;

    private SeedFile() {
    }

    /** The file's bytes; a file over the limit (also one that grows past it while read) is an IOException. */
    public static byte[] read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw tooLarge(size);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge(bytes.length);
            }
            return bytes;
        }
    }

    private static IOException tooLarge(long size) {
        return new IOException("the file is " + size + " bytes; a seed file may be at most " + MAX_BYTES
                + " bytes (16 MiB)");
    }
}
