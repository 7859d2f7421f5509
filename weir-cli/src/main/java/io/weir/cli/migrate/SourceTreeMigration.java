package io.weir.cli.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Migrates every {@code .java} file under a directory (skipping build output and hidden
 * directories) from Flink to Weir, in place or as a dry run, and collects what is left to do.
 */
public final class SourceTreeMigration {
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "out", "node_modules");

    /** The files rewritten (or that would be, in a dry run) and the places left for the user, by file and line. */
    public record Report(List<Path> rewrittenFiles, List<Finding> findings, int scannedFiles) {}

    private final ClassTable table;

    public SourceTreeMigration(ClassTable table) {
        this.table = table;
    }

    /** Migrates the tree under {@code root}; with {@code dryRun} no file is written. */
    public Report migrate(Path root, boolean dryRun) throws IOException {
        List<Path> sources = javaSources(root);
        List<Path> rewritten = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path source : sources) {
            String text = Files.readString(source, StandardCharsets.UTF_8);
            SourceFileMigration.Result result = SourceFileMigration.migrate(root.relativize(source), text, table);
            findings.addAll(result.findings());
            if (result.rewritten().isPresent()) {
                rewritten.add(root.relativize(source));
                if (!dryRun) {
                    Files.writeString(source, result.rewritten().get(), StandardCharsets.UTF_8);
                }
            }
        }
        return new Report(rewritten, findings, sources.size());
    }

    private static List<Path> javaSources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p))
                    .filter(p -> !inSkippedDirectory(root.relativize(p)))
                    .sorted()
                    .toList();
        }
    }

    private static boolean inSkippedDirectory(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            String name = relative.getName(i).toString();
            if (SKIPPED_DIRECTORIES.contains(name) || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
