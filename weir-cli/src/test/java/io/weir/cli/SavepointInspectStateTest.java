package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.execution.SavepointFormatType;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir savepoint inspect <dir> --operator <uid> --state <name>} on a real savepoint of a job
 * whose state holds a POJO of the job's own jar (compiled by the test into a class directory that is
 * not on the test's class path): value, list and map state as rows, tables and JSON, the row limit,
 * and the error that asks for {@code --classpath} when the POJO's class is missing.
 */
class SavepointInspectStateTest {
    private static final String JOB = """
            package demo;
            import io.weir.api.connector.datagen.DataGeneratorSource;
            import io.weir.api.connector.datagen.RateLimiterStrategy;
            import io.weir.api.connector.sink.DiscardingSink;
            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.eventtime.WatermarkStrategy;
            import io.weir.api.functions.Collector;
            import io.weir.api.functions.KeyedProcessFunction;
            import io.weir.api.functions.KeySelector;
            import io.weir.api.functions.OpenContext;
            import io.weir.api.state.*;
            import io.weir.api.types.Types;
            import java.util.concurrent.atomic.AtomicLong;
            public class VisitsJob {
                public static final AtomicLong PROCESSED = new AtomicLong();
                public static void define(StreamExecutionEnvironment env) {
                    env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(2_000),
                                    Types.LONG), WatermarkStrategy.noWatermarks(), "clicks").uid("clicks")
                            .keyBy(new ByUser(), Types.STRING)
                            .process(new Track()).uid("visits")
                            .sinkTo(new DiscardingSink<>());
                }
                public static class ByUser implements KeySelector<Long, String> {
                    public String getKey(Long i) { return "user-" + (i % 3); }
                }
                public static class Track extends KeyedProcessFunction<String, Long, Long> {
                    private transient ValueState<Visit> last;
                    private transient ListState<String> pages;
                    private transient MapState<String, Integer> perPage;
                    @Override
                    public void open(OpenContext context) {
                        last = getRuntimeContext().getState(new ValueStateDescriptor<>("last", Visit.class));
                        pages = getRuntimeContext().getListState(new ListStateDescriptor<>("pages", Types.STRING));
                        perPage = getRuntimeContext().getMapState(new MapStateDescriptor<>("perPage", Types.STRING,
                                Types.INT));
                    }
                    @Override
                    public void processElement(Long i, Context ctx, Collector<Long> out) throws Exception {
                        Visit visit = new Visit();
                        visit.page = "page-" + (i % 4);
                        visit.seq = i;
                        last.update(visit);
                        pages.add(visit.page);
                        Integer n = perPage.get(visit.page);
                        perPage.put(visit.page, n == null ? 1 : n + 1);
                        PROCESSED.incrementAndGet();
                    }
                }
            }
            """;
    private static final String VISIT = "package demo; public class Visit { public String page; public long seq; }";

    @TempDir
    static Path dir;
    private static Path classes;
    private static String savepoint;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void takeASavepointOfTheJob() throws Exception {
        classes = compile();
        try (MiniCluster cluster = new MiniCluster(1, 2, Clock.systemUTC(), new Configuration()).start();
                URLClassLoader jobLoader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                        SavepointInspectStateTest.class.getClassLoader())) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(jobLoader);
            try {
                Configuration config = new Configuration();
                config.set(PipelineOptions.PARALLELISM, 2);
                StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), config);
                jobLoader.loadClass("demo.VisitsJob").getMethod("define", StreamExecutionEnvironment.class)
                        .invoke(null, env);
                JobClient job = env.executeAsync("visits");
                AtomicLong processed = (AtomicLong) jobLoader.loadClass("demo.VisitsJob").getField("PROCESSED").get(null);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (processed.get() < 60) {
                    assertTrue(System.nanoTime() < deadline, "the job did not process 60 records within 60 s");
                    Thread.onSpinWait();
                }
                savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toString(),
                        SavepointFormatType.CANONICAL).get(60, TimeUnit.SECONDS);
                assertEquals(JobStatus.FINISHED, job.getJobStatus().get(10, TimeUnit.SECONDS));
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
    }

    private static Path compile() throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/demo"));
        Files.writeString(sources.resolve("VisitsJob.java"), JOB);
        Files.writeString(sources.resolve("Visit.java"), VISIT);
        Path target = Files.createDirectories(dir.resolve("classes"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-proc:none", "-d",
                target.toString(), "-classpath", System.getProperty("java.class.path"),
                sources.resolve("VisitsJob.java").toString(), sources.resolve("Visit.java").toString()));
        return target;
    }

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void aValueStateOfAPojoPrintsOneRowPerKeyWithTheJobsJarOnTheClasspath() {
        assertEquals(0, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state", "last",
                "--classpath", classes.toString()), err.toString());
        String table = out.toString();
        assertTrue(table.lines().findFirst().orElseThrow().matches("key\\s+value"), table);
        for (String user : new String[] {"user-0", "user-1", "user-2"}) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith(user + " ") && l.contains("Visit{page=page-")
                    && l.contains(", seq=")), table);
        }
        assertTrue(table.contains("(3 rows)"), table);
    }

    @Test
    void aListStateGivesARowPerElementAndTheLimitSaysThereAreMore() {
        assertEquals(0, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state", "pages",
                "--limit", "5"), err.toString());
        String table = out.toString();
        assertEquals(5, table.lines().filter(l -> l.startsWith("user-") && l.contains("page-")).count(), table);
        assertTrue(table.contains("5 rows shown; there are more: raise --limit"), table);
    }

    @Test
    void aMapStateAsJsonHasAnObjectPerEntryWithItsMapKey() {
        assertEquals(0, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state", "perPage",
                "--format", "json", "--limit", "1000"), err.toString());
        String json = out.toString().strip();
        assertTrue(json.startsWith("[") && json.endsWith("]"), json);
        long entries = json.lines().filter(l -> l.contains("\"mapKey\": \"page-")).count();
        assertEquals(12, entries, "3 users x 4 pages: " + json);
        assertTrue(json.lines().filter(l -> l.contains("\"key\": \"user-")).allMatch(l -> l.matches(
                "\\s*\\{\"keyGroup\": \\d+, \"key\": \"user-\\d\", \"mapKey\": \"page-\\d\", \"value\": \\d+},?")), json);
    }

    @Test
    void aMissingUserClassAsksForTheJobsJar() {
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state",
                "last"));
        assertTrue(err.toString().contains("holds values of class demo.Visit, which is not on the classpath")
                && err.toString().contains("--classpath <jar>"), err.toString());
    }

    @Test
    void unknownOperatorsStatesAndFormatsSayWhatThereIs() {
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", savepoint, "--operator", "nope", "--state", "x"));
        assertTrue(err.toString().contains("No operator with uid 'nope'") && err.toString().contains("visits"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state",
                "nope"));
        assertTrue(err.toString().contains("has no keyed state 'nope'") && err.toString().contains("'perPage'"),
                err.toString());
        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", savepoint, "--state", "last"));
        assertTrue(err.toString().contains("Give both --operator <uid> and --state <name>"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", savepoint, "--operator", "visits", "--state",
                "pages", "--format", "xml"));
        assertTrue(err.toString().contains("--format must be table or json"), err.toString());
    }
}
