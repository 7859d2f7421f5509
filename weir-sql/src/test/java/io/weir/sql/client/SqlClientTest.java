package io.weir.sql.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SqlClientTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return SqlClient.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void runsAnInitScriptThenAJobScript() throws Exception {
        Path init = Files.writeString(dir.resolve("init.sql"), """
                -- tables
                CREATE TABLE gen (id INT) WITH ('connector' = 'datagen',
                  'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3');
                CREATE TABLE sink (id INT) WITH ('connector' = 'blackhole');
                """);
        Path job = Files.writeString(dir.resolve("job.sql"), """
                SHOW TABLES;
                INSERT INTO sink SELECT id FROM gen;
                """);
        assertEquals(SqlClient.OK, run("-i", init.toString(), "-f", job.toString()), err.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("[INFO] Execute statement succeeded.\n[INFO] Execute statement succeeded.\n"),
                printed);
        assertTrue(printed.contains("|       sink |"), printed);
        assertTrue(printed.contains("[INFO] Job finished."), printed);
    }

    @Test
    void aBadStatementStopsTheScriptWithItsPosition() throws Exception {
        Path job = Files.writeString(dir.resolve("job.sql"), "SET 'a' = 'b';\nSELEC 1;\nSHOW TABLES;\n");
        assertEquals(SqlClient.STATEMENT_FAILED, run("-f", job.toString()));
        String error = err.toString(StandardCharsets.UTF_8);
        assertTrue(error.startsWith("[ERROR] " + job + ": SQL parse error at line 2, column 1"), error);
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("table name"), "the script must stop");
    }

    @Test
    void executesOneStatementAndRejectsUnknownArguments() {
        assertEquals(SqlClient.OK, run("-e", "SELECT 1 + 1 AS two"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("| +I |   2 |"), out.toString());
        assertEquals(SqlClient.STATEMENT_FAILED, run("--bogus"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unexpected argument '--bogus'"));
    }
}
