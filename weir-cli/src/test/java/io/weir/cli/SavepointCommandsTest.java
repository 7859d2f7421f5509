package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.configuration.ReadableConfig;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import io.weir.web.RestServer;
import io.weir.web.WebOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code weir savepoint}, {@code weir stop} and {@code weir savepoint inspect} against a job on a
 * MiniCluster serving its REST API, and {@code weir run -s}.
 */
class SavepointCommandsTest {
    private static MiniCluster cluster;
    private static String address;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void startCluster() {
        Configuration config = new Configuration();
        config.set(WebOptions.PORT, 0);
        cluster = new MiniCluster(1, 2, Clock.systemUTC(), config).start();
        address = "localhost:" + cluster.service(RestServer.class).orElseThrow().port();
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    private int weir(String... args) {
        CommandLine cli = WeirCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    /** Sums numbers per key; paced so that it runs for minutes unless stopped. */
    private static JobClient startJob() throws Exception {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(1_000), Types.LONG),
                        WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .keyBy(x -> x % 3)
                .process(new Sum()).uid("sums")
                .sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("savepointed by the CLI");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (job.getJobStatus().get() != JobStatus.RUNNING) {
            assertTrue(System.nanoTime() < deadline, "the job did not start within 60 s");
            Thread.onSpinWait();
        }
        return job;
    }

    static final class Sum extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<Long> sum;

        @Override
        public void open(OpenContext context) {
            sum = getRuntimeContext().getState(new ValueStateDescriptor<>("sum", Types.LONG));
        }

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> collector) throws Exception {
            Long current = sum.value();
            sum.update(current == null ? value : current + value);
        }
    }

    private String savepointPathIn(String output) {
        Matcher m = Pattern.compile("(?:completed|savepoint): (\\S+)").matcher(output);
        assertTrue(m.find(), output);
        return m.group(1);
    }

    @Test
    void savepointThenInspectThenStopThenResume(@TempDir Path dir) throws Exception {
        JobClient job = startJob();
        String id = job.getJobID().toHexString();

        assertEquals(0, weir("savepoint", id, dir.toString(), "-m", address), err.toString());
        String savepoint = savepointPathIn(out.toString());
        assertTrue(savepoint.startsWith(dir.toString()), savepoint);
        assertEquals(JobStatus.RUNNING, job.getJobStatus().get(10, TimeUnit.SECONDS));

        out.getBuffer().setLength(0);
        assertEquals(0, weir("savepoint", "inspect", savepoint), err.toString());
        String listing = out.toString();
        assertTrue(listing.contains("uid 'sums'") && listing.contains("sum") && listing.contains("VALUE")
                && listing.contains("Long"), listing);
        assertTrue(listing.contains("uid 'numbers'") && listing.contains("coordinator"), listing);

        out.getBuffer().setLength(0);
        assertEquals(0, weir("stop", id, "--savepointPath", dir.toString(), "-m", address), err.toString());
        assertTrue(out.toString().contains("stopped with savepoint"), out.toString());
        assertEquals(JobStatus.FINISHED, job.getJobStatus().get(10, TimeUnit.SECONDS));

        assertEquals(0, weir("run", "-s", savepoint, "-n", RecordingJob.class.getName()), err.toString());
        assertEquals(Optional.of(savepoint), RecordingJob.savepointPath);
        assertEquals(Optional.of(true), RecordingJob.ignoreUnclaimed);
    }

    @Test
    void errorsSayWhatToDo(@TempDir Path dir) {
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "0123456789abcdef0123456789abcdef", "-m", "localhost:1"));
        assertTrue(err.toString().contains("No JobManager answers at http://localhost:1")
                && err.toString().contains("--web"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "0123456789abcdef0123456789abcdef", "-m", address));
        assertTrue(err.toString().contains("is not known to this cluster"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", dir.resolve("nothing").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("savepoint", "inspect", dir.toString()));
        assertTrue(err.toString().contains("_metadata"), err.toString());
    }

    /** Remembers the state recovery settings it was started with. */
    public static final class RecordingJob {
        static Optional<String> savepointPath;
        static Optional<Boolean> ignoreUnclaimed;

        public static void main(String[] args) {
            ReadableConfig config = StreamExecutionEnvironment.getExecutionEnvironment().getConfiguration();
            savepointPath = config.getOptional(StateRecoveryOptions.SAVEPOINT_PATH);
            ignoreUnclaimed = config.getOptional(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE);
        }
    }
}
