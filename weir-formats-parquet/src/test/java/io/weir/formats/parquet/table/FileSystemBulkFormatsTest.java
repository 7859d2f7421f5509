package io.weir.formats.parquet.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.CloseableIterator;
import io.weir.api.types.Row;
import io.weir.sql.api.StreamTableEnvironment;
import io.weir.sql.api.ValidationException;
import io.weir.testutils.MiniClusterExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code filesystem} SQL connector with the bulk formats {@code parquet} and {@code avro}: a
 * partitioned table of many SQL types written by an INSERT lands as real Parquet / Avro container files
 * in Hive-style directories and reads back equal, at parallelism 1 and 2; a column Avro cannot hold
 * (an ARRAY) and an unknown codec or option fail naming the table.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FileSystemBulkFormatsTest {
    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4).build();

    @TempDir
    Path dir;

    private static final String COLUMNS = "id INT, name STRING, big BIGINT, ratio DOUBLE, ok BOOLEAN, price DECIMAL(10, 2),"
            + " d DATE, ts TIMESTAMP(3), tm TIME(0), dt STRING";

    private static StreamTableEnvironment tables(int parallelism) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(parallelism);
        env.enableCheckpointing(50);
        return StreamTableEnvironment.create(env);
    }

    @ParameterizedTest(name = "{0} at parallelism {1}")
    @CsvSource({"parquet, 1", "parquet, 2", "avro, 1", "avro, 2"})
    void aPartitionedTableIsWrittenAsRealFilesAndReadBack(String format, int parallelism) throws Exception {
        StreamTableEnvironment tables = tables(parallelism);
        tables.executeSql("CREATE TEMPORARY VIEW src (id, name, big, ratio, ok, price, d, ts, tm, dt) AS VALUES"
                + " (1, 'ann', 10000000000, 0.5, TRUE, CAST(12.34 AS DECIMAL(10, 2)), DATE '2026-12-01',"
                + " TIMESTAMP '2026-12-01 10:00:00.123', TIME '10:11:12', 'x'),"
                + " (2, CAST(NULL AS STRING), -1, -2.25, FALSE, CAST(-0.01 AS DECIMAL(10, 2)), DATE '1970-01-01',"
                + " TIMESTAMP '1999-12-31 23:59:59.999', TIME '00:00:01', 'x'),"
                + " (3, 'cy', 3, 1e10, CAST(NULL AS BOOLEAN), CAST(NULL AS DECIMAL(10, 2)), CAST(NULL AS DATE),"
                + " CAST(NULL AS TIMESTAMP(3)), CAST(NULL AS TIME(0)), 'y')");
        tables.executeSql("CREATE TABLE t (" + COLUMNS + ") PARTITIONED BY (dt) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.toUri() + "', 'format' = '" + format + "')");
        tables.executeSql("INSERT INTO t SELECT * FROM src").await();

        byte[] magic = format.equals("parquet") ? "PAR1".getBytes(StandardCharsets.US_ASCII)
                : new byte[] {'O', 'b', 'j', 1};
        List<Path> files = visibleFiles(dir);
        assertFalse(files.isEmpty(), "no files were written");
        TreeSet<String> directories = new TreeSet<>();
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            assertArrayEquals(magic, Arrays.copyOf(bytes, magic.length), file + " is not a " + format + " file");
            directories.add(dir.relativize(file.getParent()).toString());
        }
        assertEquals(new TreeSet<>(List.of("dt=x", "dt=y")), directories);

        List<String> expected = List.of(
                "+I[1, ann, 10000000000, 0.5, true, 12.34, 2026-12-01, 2026-12-01T10:00:00.123, 10:11:12, x]",
                "+I[2, null, -1, -2.25, false, -0.01, 1970-01-01, 1999-12-31T23:59:59.999, 00:00:01, x]",
                "+I[3, cy, 3, 1.0E10, null, null, null, null, null, y]");
        assertEquals(expected, collect(tables.executeSql("SELECT * FROM t").collect()));
        assertEquals(List.of("+I[cy, y]"), collect(tables.executeSql("SELECT name, dt FROM t WHERE dt = 'y'").collect()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"parquet", "avro"})
    void aProjectedTableReadsTheFilesColumnsByName(String format) throws Exception {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE wide (a INT, b STRING, c DOUBLE) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.toUri() + "', 'format' = '" + format + "')");
        tables.executeSql("INSERT INTO wide VALUES (1, 'one', 1.5), (2, 'two', 2.5)").await();
        // another table over the same files, with fewer columns in another order
        tables.executeSql("CREATE TABLE narrow (c DOUBLE, a INT) WITH ('connector' = 'filesystem',"
                + " 'path' = '" + dir.toUri() + "', 'format' = '" + format + "')");
        assertEquals(List.of("+I[1.5, 1]", "+I[2.5, 2]"), collect(tables.executeSql("SELECT * FROM narrow").collect()));
    }

    @org.junit.jupiter.api.Test
    void badTablesFailNamingTheTable() {
        StreamTableEnvironment tables = tables(1);
        tables.executeSql("CREATE TABLE a (tags ARRAY<STRING>) WITH ('connector' = 'filesystem', 'path' = '"
                + dir.toUri() + "', 'format' = 'parquet')");
        ValidationException arrays = assertThrows(ValidationException.class,
                () -> tables.executeSql("SELECT * FROM a").collect().close());
        assertTrue(arrays.getMessage().contains("Table default_catalog.default_database.a (format 'parquet'): column "
                + "'tags' has type"), arrays.getMessage());
        tables.executeSql("CREATE TABLE c (a INT) WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri()
                + "', 'format' = 'avro', 'avro.codec' = 'lzma9')");
        ValidationException e = assertThrows(ValidationException.class,
                () -> tables.executeSql("INSERT INTO c VALUES (1)"));
        assertTrue(e.getMessage().contains("option 'avro.codec' = 'lzma9' is not an Avro codec"), e.getMessage());
        assertTrue(e.getMessage().contains("default_catalog.default_database.c"), e.getMessage());
        tables.executeSql("CREATE TABLE p (a INT) WITH ('connector' = 'filesystem', 'path' = '" + dir.toUri()
                + "', 'format' = 'parquet', 'parquet.nope' = 'x')");
        e = assertThrows(ValidationException.class, () -> tables.executeSql("INSERT INTO p VALUES (1)"));
        assertTrue(e.getMessage().contains("Unsupported option 'parquet.nope'"), e.getMessage());
    }

    private static List<Path> visibleFiles(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return !name.startsWith(".") && !name.startsWith("_");
            }).toList();
        }
    }

    private static List<String> collect(CloseableIterator<Row> rows) throws Exception {
        List<String> result = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(row -> result.add(row.toString()));
        }
        result.sort(null);
        return result;
    }
}
