package io.weir.bench.nexmark.sql;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.sql.api.TableEnvironment;
import io.weir.sql.parser.ScriptStatement;
import io.weir.sql.parser.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Nexmark SQL queries as the Flink harness runs them (its {@code ddl_source.sql},
 * {@code ddl_views.sql} and {@code qN.sql}, kept as resources next to this class), with the source
 * table's connector changed to {@code nexmark}. A query file creates its sink table
 * ({@code blackhole}) and INSERTs into it; {@link #select} is the query of that INSERT, for runs that
 * collect or check the result instead.
 */
public final class NexmarkSqlQueries {

    /** The queries that have a SQL file. */
    public static final List<String> NAMES = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q10", "q11",
            "q12", "q13", "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22");

    private static final Pattern INSERT = Pattern.compile("(?is)^\\s*INSERT\\s+INTO\\s+\\S+\\s+(.*)$");

    /** Rows of q13's side input, as the public suite's {@code side_input_gen.sh} writes. */
    public static final int SIDE_INPUT_ROWS = 10_000;

    private static Path sideInput;

    private NexmarkSqlQueries() {
    }

    /** Creates the harness's source table ({@code datagen}) over {@code events} events and its three views. */
    public static void createSourceAndViews(TableEnvironment tableEnv, NexmarkConfig config, long events) {
        execute(tableEnv, sourceDdl(config, events));
        execute(tableEnv, viewsDdl());
    }

    /**
     * A whole script for {@code bin/weir sql -f}: the source table over {@code events} events, the
     * views, and query {@code name}'s file (its sink table and INSERT).
     */
    public static String script(String name, NexmarkConfig config, long events) {
        statements(name);
        return sourceDdl(config, events) + "\n\n" + viewsDdl() + "\n\n" + resource(name + ".sql") + "\n";
    }

    private static String sourceDdl(NexmarkConfig config, long events) {
        return resource("ddl_source.sql")
                .replace("${EVENTS_NUM}", Long.toString(events))
                .replace("${SEED}", Long.toString(config.seed()))
                .replace("${TPS}", Long.toString(config.eventsPerSecond()))
                .replace("${BASE_TIME_MS}", Long.toString(config.baseTimeMs()));
    }

    private static String viewsDdl() {
        return resource("ddl_views.sql").replace("${NEXMARK_TABLE}", "datagen");
    }

    /**
     * Runs the statements of query {@code name}'s file before its INSERT: its sink table and the
     * tables it reads besides the source (q13's side input).
     */
    public static void createTables(TableEnvironment tableEnv, String name) {
        for (ScriptStatement statement : statements(name)) {
            if (!INSERT.matcher(statement.text()).matches()) {
                tableEnv.executeSql(statement.text());
            }
        }
    }

    /**
     * The side input of q13, as the public suite's generator writes it: {@value #SIDE_INPUT_ROWS} lines
     * {@code i,i}, so {@code MOD(auction, 10000)} finds exactly one row. Written once per process into a
     * temporary directory, which the query's {@code side_input} table reads.
     */
    public static synchronized Path sideInput() {
        if (sideInput == null) {
            try {
                Path dir = Files.createTempDirectory("weir-nexmark-side-input");
                Path file = dir.resolve("side_input.txt");
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < SIDE_INPUT_ROWS; i++) {
                    lines.append(i).append(',').append(i).append('\n');
                }
                Files.writeString(file, lines, StandardCharsets.UTF_8);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                sideInput = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("Writing q13's side input file failed: " + e.getMessage(), e);
            }
        }
        return sideInput;
    }

    /** The statements of query {@code name}'s file: CREATE TABLE of its sink, then the INSERT. */
    public static List<ScriptStatement> statements(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("There is no Nexmark SQL query '" + name + "'; the SQL queries are "
                    + NAMES);
        }
        return SqlScript.split(resource(name + ".sql"));
    }

    /** The query that query {@code name}'s INSERT writes into its sink. */
    public static String select(String name) {
        for (ScriptStatement statement : statements(name)) {
            Matcher insert = INSERT.matcher(statement.text());
            if (insert.matches()) {
                return insert.group(1);
            }
        }
        throw new IllegalStateException("The SQL file of " + name + " has no INSERT INTO");
    }

    private static void execute(TableEnvironment tableEnv, String script) {
        for (ScriptStatement statement : SqlScript.split(script)) {
            tableEnv.executeSql(statement.text());
        }
    }

    private static String resource(String file) {
        try (InputStream in = NexmarkSqlQueries.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("The resource " + file + " is missing next to "
                        + NexmarkSqlQueries.class.getName());
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.contains("${SIDE_INPUT_PATH}") ? text.replace("${SIDE_INPUT_PATH}", sideInput().toUri().toString())
                    : text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
