package io.weir.tests.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weir.api.datastream.DataStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@code docs/migrating-from-flink.md} true: every Weir class its table names exists, no
 * Weir class is listed twice, and every public class of the packages that mirror Flink's API
 * (except their {@code internal} packages) is listed, unless it is one of the few Weir-only classes
 * named below with the reason.
 *
 * <p>Surefire runs with the module directory as working directory, so the page is at
 * {@code ../docs/} from here.
 */
class MigrationTableTest {

    private static final Path PAGE = Path.of("..", "docs", "migrating-from-flink.md");

    private static final String HEADER = "| Flink class | Weir class |";

    private static final int MIN_ROWS = 60;

    /** Packages (with their subpackages) whose public classes must all be in the table or below. */
    private static final List<String> MIRRORED_PACKAGES = List.of(
            "io.weir.api.datastream",
            "io.weir.api.functions",
            "io.weir.api.state",
            "io.weir.api.tuple",
            "io.weir.api.operators",
            "io.weir.api.windowing",
            "io.weir.api.eventtime",
            "io.weir.api.accumulators",
            "io.weir.api.metrics",
            "io.weir.api.annotation");

    /**
     * Packages with this name segment hold what the runtime and the API's own operators share, not
     * user API (LayerRulesTest keeps user-facing packages from using them), so they mirror nothing.
     */
    private static final String INTERNAL = ".internal.";

    /** Public classes of the mirrored packages that have no Flink counterpart, and why. */
    private static final Map<String, String> WEIR_ONLY = Map.of(
            "io.weir.api.operators.OperatorContext",
            "the one interface through which the runtime (or a test harness) hands an operator its task"
                    + " identity, settings and keyed state; Flink operators get these from several runtime"
                    + " classes instead, so there is no single class to map it to");

    private static List<Row> rows;

    /** One row of the table: the line it is on (1-based) and its two cells. */
    private record Row(int line, String flinkClass, String weirClass) {}

    @BeforeAll
    static void readTable() throws IOException {
        assertTrue(Files.isRegularFile(PAGE), "The migration page is missing: " + PAGE.toAbsolutePath());
        rows = parseTable(Files.readAllLines(PAGE));
    }

    @Test
    void tableListsAtLeastSixtyClasses() {
        assertTrue(rows.size() >= MIN_ROWS,
                "The table of " + PAGE + " has " + rows.size() + " rows; expected at least " + MIN_ROWS);
    }

    @Test
    void everyRowMapsAFlinkClassToAWeirClass() {
        List<String> bad = new ArrayList<>();
        for (Row row : rows) {
            if (!row.flinkClass().startsWith("org.apache.flink.") || !isQualifiedName(row.flinkClass())) {
                bad.add("line " + row.line() + ": '" + row.flinkClass() + "' is not a fully qualified Flink class");
            }
            if (!row.weirClass().startsWith("io.weir.") || !isQualifiedName(row.weirClass())) {
                bad.add("line " + row.line() + ": '" + row.weirClass() + "' is not a fully qualified Weir class");
            }
        }
        assertNothing(bad, "Malformed rows in " + PAGE);
    }

    @Test
    void everyWeirClassInTheTableExists() {
        List<String> missing = new ArrayList<>();
        for (Row row : rows) {
            try {
                Class.forName(binaryName(row.weirClass()), false, MigrationTableTest.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                missing.add("line " + row.line() + ": " + row.weirClass() + " (for " + row.flinkClass() + ")");
            }
        }
        assertNothing(missing, "Weir classes named in " + PAGE + " that do not exist; fix the row or the class");
    }

    /** {@code a.b.Outer.Inner} as the class loader names it: {@code a.b.Outer$Inner}. */
    private static String binaryName(String name) {
        String[] parts = name.split("\\.");
        StringBuilder binary = new StringBuilder(parts[0]);
        boolean inClass = false;
        for (int i = 1; i < parts.length; i++) {
            binary.append(inClass ? '$' : '.').append(parts[i]);
            inClass |= Character.isUpperCase(parts[i].charAt(0));
        }
        return binary.toString();
    }

    @Test
    void noClassIsListedTwice() {
        List<String> duplicates = new ArrayList<>();
        duplicates.addAll(duplicates(Row::weirClass, "Weir"));
        duplicates.addAll(duplicates(Row::flinkClass, "Flink"));
        assertNothing(duplicates, "Classes listed more than once in " + PAGE);
    }

    @Test
    void everyPublicClassOfTheMirroredPackagesIsListed() throws IOException, URISyntaxException {
        List<String> apiClasses = publicTopLevelClassesOfMirroredPackages();
        assertTrue(apiClasses.contains(DataStream.class.getName()),
                "The scan of weir-api found no DataStream; it scanned the wrong place: " + apiClasses);

        TreeSet<String> listed = rows.stream().map(Row::weirClass).collect(Collectors.toCollection(TreeSet::new));
        List<String> unlisted = new ArrayList<>();
        for (String name : apiClasses) {
            if (!listed.contains(name) && !WEIR_ONLY.containsKey(name)) {
                unlisted.add(name);
            }
        }
        assertNothing(unlisted, "Public classes of " + MIRRORED_PACKAGES + " missing from the table of " + PAGE
                + ". Add a row with the Flink class each mirrors; if one has no Flink counterpart, add it to"
                + " WEIR_ONLY in this test with the reason");
    }

    @Test
    void weirOnlyClassesExistAndAreNotInTheTable() throws IOException, URISyntaxException {
        List<String> apiClasses = publicTopLevelClassesOfMirroredPackages();
        List<String> stale = new ArrayList<>();
        for (String name : WEIR_ONLY.keySet()) {
            if (!apiClasses.contains(name)) {
                stale.add(name + " is no public class of the mirrored packages any more; remove it from WEIR_ONLY");
            }
            if (rows.stream().anyMatch(r -> r.weirClass().equals(name))) {
                stale.add(name + " is in the table, so it is not Weir-only; remove it from WEIR_ONLY");
            }
        }
        assertNothing(stale, "Stale entries of WEIR_ONLY");
    }

    // ---- reading the page ----

    /**
     * The rows of the one table whose header is {@link #HEADER}: the lines after its separator line,
     * up to the first line that is not a table row. Each row must have exactly two cells.
     */
    private static List<Row> parseTable(List<String> lines) {
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(HEADER)) {
                headers.add(i);
            }
        }
        assertEquals(1, headers.size(), "Expected exactly one table headed '" + HEADER + "' in " + PAGE
                + ", found " + headers.size());
        int separator = headers.get(0) + 1;
        assertTrue(separator < lines.size() && lines.get(separator).strip().matches("\\|\\s*:?-+:?\\s*\\|\\s*:?-+:?\\s*\\|"),
                "The table header in " + PAGE + " must be followed by a separator line like '|---|---|'");
        List<Row> result = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (int i = separator + 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length()).split("\\|", -1);
            if (cells.length != 2) {
                malformed.add("line " + (i + 1) + " has " + cells.length + " cells: " + line);
                continue;
            }
            result.add(new Row(i + 1, cell(cells[0]), cell(cells[1])));
        }
        assertNothing(malformed, "Rows of the table in " + PAGE + " need exactly two cells");
        return result;
    }

    private static String cell(String raw) {
        return raw.strip().replace("`", "");
    }

    private static boolean isQualifiedName(String name) {
        return name.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.[A-Z][A-Za-z0-9_]*)+");
    }

    private static List<String> duplicates(Function<Row, String> column, String side) {
        Map<String, List<Integer>> lines = new HashMap<>();
        for (Row row : rows) {
            lines.computeIfAbsent(column.apply(row), k -> new ArrayList<>()).add(row.line());
        }
        return lines.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> side + " class " + e.getKey() + " on lines " + e.getValue())
                .sorted()
                .toList();
    }

    // ---- scanning weir-api ----

    /**
     * Public top-level classes in the mirrored packages, found by listing the class files of the
     * jar or directory that {@link DataStream} was loaded from (weir-api's {@code target/classes}
     * in a reactor build, its jar otherwise).
     */
    private static List<String> publicTopLevelClassesOfMirroredPackages() throws IOException, URISyntaxException {
        Path location = Path.of(DataStream.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classFiles;
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                classFiles = files.filter(Files::isRegularFile)
                        .map(p -> location.relativize(p).toString().replace('\\', '/'))
                        .toList();
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                classFiles = jar.stream().map(ZipEntry::getName).toList();
            }
        }
        List<String> result = new ArrayList<>();
        for (String file : classFiles) {
            if (!file.endsWith(".class") || file.contains("$") || file.endsWith("package-info.class")
                    || file.endsWith("module-info.class")) {
                continue;
            }
            String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
            if (MIRRORED_PACKAGES.stream().noneMatch(p -> name.startsWith(p + ".")) || name.contains(INTERNAL)) {
                continue;
            }
            if (isPublic(name)) {
                result.add(name);
            }
        }
        result.sort(null);
        return result;
    }

    private static boolean isPublic(String className) {
        try {
            Class<?> type = Class.forName(className, false, MigrationTableTest.class.getClassLoader());
            return Modifier.isPublic(type.getModifiers());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Listed in weir-api but not loadable: " + className, e);
        }
    }

    private static void assertNothing(List<String> problems, String heading) {
        if (!problems.isEmpty()) {
            fail(heading + " (" + problems.size() + "):\n  " + String.join("\n  ", problems));
        }
    }
}
