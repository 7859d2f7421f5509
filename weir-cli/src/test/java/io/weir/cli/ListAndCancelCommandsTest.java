package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.PipelineOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.datagen.RateLimiterStrategy;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.JobStatus;
import io.weir.api.types.Types;
import io.weir.runtime.minicluster.MiniCluster;
import io.weir.runtime.minicluster.MiniClusterExecutor;
import io.weir.web.RestServer;
import io.weir.web.WebOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/** {@code weir list} and {@code weir cancel} against a job on a MiniCluster serving its REST API. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListAndCancelCommandsTest {
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

    @Test
    void listShowsTheRunningJobAndCancelEndsIt() throws Exception {
        Configuration c = new Configuration();
        c.set(PipelineOptions.PARALLELISM, 1);
        StreamExecutionEnvironment env = new StreamExecutionEnvironment(MiniClusterExecutor.on(cluster), c);
        env.fromSource(new DataGeneratorSource<>(i -> i, Long.MAX_VALUE, RateLimiterStrategy.perSecond(100), Types.LONG),
                WatermarkStrategy.noWatermarks(), "numbers").sinkTo(new DiscardingSink<>());
        JobClient job = env.executeAsync("listed and cancelled");
        String id = job.getJobID().toHexString();

        assertEquals(0, weir("list", "-m", address), err.toString());
        assertTrue(out.toString().contains(id + " : listed and cancelled ("), out.toString());

        out.getBuffer().setLength(0);
        assertEquals(0, weir("cancel", id, "-m", address), err.toString());
        assertTrue(out.toString().contains("Cancelled job " + id), out.toString());
        job.getJobExecutionResult().handle((result, failure) -> null).get(60, TimeUnit.SECONDS); // it ended
        assertEquals(JobStatus.CANCELED, job.getJobStatus().get(10, TimeUnit.SECONDS));

        out.getBuffer().setLength(0);
        assertEquals(0, weir("list", "-m", address, "--running"), err.toString());
        assertTrue(out.toString().contains("No running/restarting jobs."), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, weir("list", "-m", address), err.toString());
        assertTrue(out.toString().contains(id + " : listed and cancelled (CANCELED)"), out.toString());
    }

    @Test
    void errorsSayWhatToDo() {
        assertEquals(WeirCli.USER_ERROR, weir("cancel", "not-a-job", "-m", address));
        assertTrue(err.toString().contains("is not a job id") && err.toString().contains("bin/weir list"), err.toString());

        err.getBuffer().setLength(0);
        assertEquals(WeirCli.USER_ERROR, weir("cancel", "0123456789abcdef0123456789abcdef", "-m", address));
        assertTrue(err.toString().contains("0123456789abcdef0123456789abcdef"), err.toString());
    }
}
