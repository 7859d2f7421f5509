package io.weir.bench.nexmark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A query's final result in the canonical form of {@code shared/nexmark.md}: one row per line, each
 * ended by '\n', sorted in Java {@code String} order, nothing else. It equals, byte for byte, the
 * Flink anchor harness's {@code reference/<query>.txt} without its '#' header lines.
 */
public final class CanonicalResult {
    private CanonicalResult() {
    }

    /**
     * Merges the part files of {@code partsDir} into {@code out}, sorted, deletes the parts and
     * returns the SHA-256 of {@code out} in hex.
     */
    public static String merge(Path partsDir, Path out) throws IOException {
        List<String> rows = new ArrayList<>();
        if (Files.isDirectory(partsDir)) {
            List<Path> parts;
            try (Stream<Path> listing = Files.list(partsDir)) {
                parts = listing.sorted().toList();
            }
            for (Path part : parts) {
                rows.addAll(Files.readAllLines(part, StandardCharsets.UTF_8));
                Files.delete(part);
            }
            Files.delete(partsDir);
        }
        Collections.sort(rows);
        return write(rows, out);
    }

    /** Writes sorted {@code rows} to {@code out} and returns the file's SHA-256 in hex. */
    public static String write(List<String> rows, Path out) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        try (OutputStream file = new DigestOutputStream(Files.newOutputStream(out), sha256);
                BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            for (String row : rows) {
                writer.write(row);
                writer.write('\n');
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
