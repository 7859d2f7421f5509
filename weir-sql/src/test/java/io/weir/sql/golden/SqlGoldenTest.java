package io.weir.sql.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.EnvironmentSettings;
import io.weir.sql.api.TableResult;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import io.weir.sql.session.SqlSession;
import io.weir.sql.session.TableauPrinter;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Assertions;

/**
 * Runs every golden file under {@code src/test/resources/sql/<feature>/*.sql} at parallelism 1
 * and 2. A golden file is a SQL script, then a line {@code ---- rows} followed by the rows the
 * script's last statement (a query) must produce, one per line as {@code +I[1, abc, NULL]}, in
 * any order; or a line {@code ---- final} followed by the rows left when the changelog is applied
 * (for updating results whose intermediate steps depend on how parallel inputs interleave); or a
 * line {@code ---- error} followed by the lines the error message must contain, in order (a line of
 * carets must be a line of the message exactly, the place of the error in the script).
 * See {@code src/test/resources/sql/README.md}; {@code -Dgolden=join/} runs only the files whose
 * path contains {@code join/}.
 */
class SqlGoldenTest {

    private static final String ROWS = "---- rows";
    private static final String FINAL = "---- final";
    private static final String ERROR = "---- error";

    @TestFactory
    Stream<DynamicNode> goldenFiles() throws IOException, URISyntaxException {
        Path root = Paths.get(SqlGoldenTest.class.getResource("/sql").toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(files.size() >= 5, "the golden files were not found under " + root);
        // -Dgolden=join/ runs only the files whose path contains "join/", for a focused run
        String only = System.getProperty("golden", "");
        files = files.stream().filter(file -> root.relativize(file).toString().contains(only)).toList();
        return files.stream().map(file -> DynamicContainer.dynamicContainer(root.relativize(file).toString(),
                Stream.of(1, 2).map(parallelism -> DynamicTest.dynamicTest("parallelism " + parallelism,
                        () -> Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                                () -> run(Files.readString(file), parallelism))))));
    }

    private static void run(String golden, int parallelism) throws Exception {
        int rowsAt = golden.indexOf("\n" + ROWS);
        int finalAt = golden.indexOf("\n" + FINAL);
        int errorAt = golden.indexOf("\n" + ERROR);
        boolean expectError = errorAt >= 0;
        boolean materialize = finalAt >= 0;
        int split = expectError ? errorAt : materialize ? finalAt : rowsAt;
        if (split < 0) {
            throw new IllegalArgumentException("a golden file needs a '" + ROWS + "', '" + FINAL + "' or '" + ERROR
                    + "' line");
        }
        String script = golden.substring(0, split);
        String expected = golden.substring(golden.indexOf('\n', split + 1) + 1).strip();
        SqlSession session = SqlSession.create(EnvironmentSettings.inStreamingMode());
        session.getConfig().set("parallelism.default", String.valueOf(parallelism));
        // TIMESTAMP_LTZ values print the same on every machine; a script may SET another zone.
        session.getConfig().set("table.local-time-zone", "UTC");
        List<ScriptStatement> statements = SqlScript.split(script);
        for (int i = 0; i < statements.size() - 1; i++) {
            session.execute(statements.get(i));
        }
        ScriptStatement last = statements.get(statements.size() - 1);
        if (expectError) {
            Exception e = assertThrows(Exception.class, () -> collect(session.execute(last), zone(session)));
            assertErrorMatches(expected, e.getMessage());
            return;
        }
        List<String> actual = collect(session.execute(last), zone(session));
        if (materialize) {
            actual = materialize(actual);
        }
        List<String> wanted = expected.isEmpty() ? List.of() : expected.lines().map(String::strip).toList();
        assertEquals(sorted(wanted), sorted(actual));
    }

    /**
     * The expected error's lines are in the message's lines, in order (several may be in one line): a
     * line of carets (with the spaces before them) must be a line of the message exactly, so it
     * checks the place; any other line must be part of a message line.
     */
    private static void assertErrorMatches(String expected, String message) {
        List<String> lines = message == null ? List.of() : message.lines().toList();
        int at = 0;
        for (String wanted : expected.lines().toList()) {
            boolean carets = !wanted.isBlank() && wanted.strip().chars().allMatch(c -> c == '^');
            while (at < lines.size() && !(carets ? lines.get(at).equals(wanted) : lines.get(at).contains(wanted))) {
                at++;
            }
            int missing = at;
            assertTrue(at < lines.size(), () -> "expected an error containing, line by line in order,\n" + expected
                    + "\nbut got\n" + message + "\n(no line " + (carets ? "is" : "contains") + " '" + wanted + "' from line "
                    + missing + ")");
        }
    }

    /** The session time zone the script left, in which TIMESTAMP_LTZ values print. */
    private static java.time.ZoneId zone(SqlSession session) {
        return io.weir.sql.codegen.SessionTimeZone.of(session.getConfig().get(io.weir.sql.codegen.SessionTimeZone.OPTION));
    }

    private static List<String> collect(TableResult result, java.time.ZoneId zone) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            while (iterator.hasNext()) {
                rows.add(format(iterator.next(), zone));
            }
        }
        return rows;
    }

    /**
     * Applies a changelog: {@code +I}/{@code +U} add a row, {@code -U}/{@code -D} remove one copy of
     * it (failing if it is not there); the rows left, as {@code +I}.
     */
    private static List<String> materialize(List<String> changelog) {
        List<String> rows = new ArrayList<>();
        for (String change : changelog) {
            String row = "+I" + change.substring(2);
            if (change.startsWith("+")) {
                rows.add(row);
            } else {
                assertTrue(rows.remove(row), () -> change + " retracts a row that is not in the result " + rows
                        + "; changelog: " + changelog);
            }
        }
        return rows;
    }

    /** {@code +I[1, abc, NULL]}: the change kind, then each field as the tableau prints it. */
    static String format(Row row, java.time.ZoneId zone) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < row.getArity(); i++) {
            Object value = row.getField(i);
            fields.add(value == null ? "NULL" : TableauPrinter.cell(value, zone));
        }
        return row.getKind().shortString() + "[" + String.join(", ", fields) + "]";
    }

    private static String sorted(List<String> rows) {
        return String.join("\n", rows.stream().sorted().toList());
    }
}
