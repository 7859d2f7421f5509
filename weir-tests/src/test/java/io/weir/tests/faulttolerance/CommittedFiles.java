package io.weir.tests.faulttolerance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** What a reader of a file sink's output directory sees: the lines of the visible part files. */
final class CommittedFiles {
    private CommittedFiles() {}

    /**
     * Every line of the files whose names do not start with a dot, sorted. The directory may be read
     * while a job writes it: a part file renamed (in progress → pending → finished) during the listing
     * makes it list again.
     */
    static List<String> lines(Path dir) throws IOException {
        while (true) {
            try {
                return read(dir);
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException renamedMeanwhile) {
                // list again
            }
        }
    }

    private static List<String> read(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        if (!Files.exists(dir)) {
            return lines;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().startsWith(".")) {
                    lines.addAll(Files.readAllLines(file));
                }
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
