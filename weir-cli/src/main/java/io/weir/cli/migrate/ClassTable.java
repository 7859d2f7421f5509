package io.weir.cli.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which class takes the place of each Flink class, read from the tables of
 * {@code docs/migrating-from-flink.md} (bundled with the CLI): the class-by-class table for Flink
 * 2.x and the "From Flink 1.x" table for classes that moved or went away in Flink 2. Each row is
 * {@code | org.apache.flink.Some | replacement.Class |}; nested classes are written with dots.
 */
public final class ClassTable {
    private static final String BUNDLED_GUIDE = "migrating-from-flink.md";

    private final Map<String, String> replacements;
    private final Map<String, Set<String>> targetPackagesByFlinkPackage = new HashMap<>();

    ClassTable(Map<String, String> replacements) {
        this.replacements = Map.copyOf(replacements);
        replacements.forEach((flink, target) -> targetPackagesByFlinkPackage
                .computeIfAbsent(packageOf(flink), p -> new HashSet<>()).add(packageOf(target)));
    }

    /** The table of the migration guide that ships with this CLI. */
    public static ClassTable bundled() {
        try (InputStream in = ClassTable.class.getResourceAsStream(BUNDLED_GUIDE)) {
            if (in == null) {
                throw new IllegalStateException("The migration guide is missing from the CLI's jar ("
                        + BUNDLED_GUIDE + " next to " + ClassTable.class.getName() + "); rebuild weir-cli.");
            }
            return fromGuide(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads every two-cell table row whose first cell is a Flink class. */
    static ClassTable fromGuide(List<String> lines) {
        Map<String, String> replacements = new HashMap<>();
        for (String line : lines) {
            String row = line.strip();
            if (!row.startsWith("| org.apache.flink.") || !row.endsWith("|")) {
                continue;
            }
            String[] cells = row.substring(1, row.length() - 1).split("\\|", -1);
            if (cells.length == 2) {
                replacements.putIfAbsent(cells[0].strip(), cells[1].strip());
            }
        }
        return new ClassTable(replacements);
    }

    /** The class that replaces {@code flinkClass} (a qualified name, nested classes with dots). */
    public Optional<String> replacementOf(String flinkClass) {
        return Optional.ofNullable(replacements.get(flinkClass));
    }

    /**
     * The replacement of a qualified name that may point into a nested class or member of a table
     * class ({@code ...ProcessFunction.Context}): the longest prefix that is in the table, replaced,
     * with the rest appended.
     */
    public Optional<String> replacementOfPrefix(String qualifiedName) {
        String prefix = qualifiedName;
        while (true) {
            String target = replacements.get(prefix);
            if (target != null) {
                return Optional.of(target + qualifiedName.substring(prefix.length()));
            }
            int dot = prefix.lastIndexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            prefix = prefix.substring(0, dot);
        }
    }

    /**
     * The packages the classes of {@code flinkPackage} move to, for a wildcard import, sorted; empty
     * if the table has no class of that package.
     */
    public List<String> replacementsOfPackage(String flinkPackage) {
        return targetPackagesByFlinkPackage.getOrDefault(flinkPackage, Set.of()).stream().sorted().toList();
    }

    int size() {
        return replacements.size();
    }

    private static String packageOf(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        return dot < 0 ? "" : qualifiedName.substring(0, dot);
    }
}
