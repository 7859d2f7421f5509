package io.weir.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** Appends one row per benchmark run to a CSV file, writing the header when the file is new. */
final class ResultsCsv {
    static final String HEADER =
            "time,query,parallelism,events,seed,tps,job_seconds,events_per_second,process_seconds,gc_seconds,commit";

    /** One row; seconds are written with millisecond precision, an unmeasured (NaN) GC time as empty. */
    record Row(Instant time, String query, int parallelism, long events, long seed, long tps, double jobSeconds,
            double eventsPerSecond, double processSeconds, double gcSeconds, String commit) {
        String csv() {
            String gc = Double.isNaN(gcSeconds) ? "" : String.format(Locale.ROOT, "%.3f", gcSeconds);
            return String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%.3f,%.0f,%.3f,%s,%s",
                    time.truncatedTo(ChronoUnit.SECONDS), query, parallelism, events, seed, tps, jobSeconds,
                    eventsPerSecond, processSeconds, gc, commit);
        }
    }

    private final Path file;

    ResultsCsv(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void append(Row row) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        StringBuilder text = new StringBuilder();
        if (!Files.exists(file) || Files.size(file) == 0) {
            text.append(HEADER).append('\n');
        }
        text.append(row.csv()).append('\n');
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The commit of the working directory ({@code git describe --always --dirty}), or
     * {@code unknown} outside a git checkout.
     */
    static String currentCommit() {
        try {
            Process git = new ProcessBuilder("git", "describe", "--always", "--dirty", "--abbrev=10")
                    .redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0 || out.isEmpty() || out.contains(" ")) {
                return "unknown";
            }
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
