package io.weir.bench.nexmark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.bench.nexmark.CanonicalResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public Nexmark suite's other queries (q9, q10, q14 ... q22: Weir's own SQL files with the
 * suite's semantics and columns) have, at parallelism 1 and 2, the final result Apache Flink 2.3
 * computes from the same events: {@code flink-golden.txt} next to this test holds the row count and
 * the SHA-256 of the canonical result (shared/nexmark.md) of the Flink harness's {@code ref} mode
 * over the same 30,000 events at 1,000 events per second (seed 42), run with these SQL files.
 * {@code -Dnexmark.sql.dump=DIR} keeps Weir's canonical results in {@code DIR/p<parallelism>/} to
 * compare them with Flink's line by line.
 */
@Timeout(180)
class NexmarkSqlSuiteTest {

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"q9, 1", "q9, 2", "q10, 1", "q10, 2", "q14, 1", "q14, 2", "q15, 1", "q15, 2", "q16, 1",
            "q16, 2", "q17, 1", "q17, 2", "q18, 1", "q18, 2", "q19, 1", "q19, 2", "q20, 1", "q20, 2", "q21, 1",
            "q21, 2", "q22, 1", "q22, 2"})
    void theResultIsFlinks(String name, int parallelism, @TempDir Path dir) throws Exception {
        List<String> rows = NexmarkSqlTest.canonical(NexmarkSqlTest.session(parallelism), NexmarkSqlQueries.select(name));
        String dump = System.getProperty("nexmark.sql.dump");
        Path out = dump == null ? dir.resolve(name + ".txt") : Path.of(dump, "p" + parallelism, name + ".txt");
        String sha256 = CanonicalResult.write(rows, out);
        String[] golden = golden().get(name);
        assertTrue(golden != null, "flink-golden.txt has no line for " + name + "; Weir's result: " + rows.size()
                + " rows, SHA-256 " + sha256);
        assertTrue(Long.parseLong(golden[0]) > 0, "Flink's result of " + name + " has rows");
        assertEquals(golden[0] + " rows, SHA-256 " + golden[1], rows.size() + " rows, SHA-256 " + sha256,
                name + ": first rows " + rows.subList(0, Math.min(3, rows.size())));
    }

    /** Query name to {row count, SHA-256} of Flink's canonical result. */
    private static Map<String, String[]> golden() throws IOException {
        Map<String, String[]> golden = new HashMap<>();
        try (InputStream in = NexmarkSqlSuiteTest.class.getResourceAsStream("flink-golden.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] fields = line.trim().split("\\s+");
                    golden.put(fields[0], new String[] {fields[1], fields[2]});
                }
            }
        }
        return golden;
    }
}
