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

    /** Every line of the files whose names do not start with a dot, sorted. */
    static List<String> lines(Path dir) throws IOException {
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
