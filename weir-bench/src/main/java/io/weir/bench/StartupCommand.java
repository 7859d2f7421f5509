package io.weir.bench;

import io.weir.bench.nexmark.NexmarkConfig;
import io.weir.bench.nexmark.NexmarkRun;
import io.weir.bench.nexmark.query.Q0;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench startup}: the wall time of a whole JVM process that runs a trivial job — Nexmark q0
 * over 1,000 events at parallelism 1 on a fresh local cluster — from process start to exit. The
 * run leaves the GC time unmeasured, as reading it would load JMX into the measured process.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Times a fresh JVM running a trivial job (q0, 1,000 events, parallelism 1), start to exit.")
final class StartupCommand implements Callable<Integer> {
    static final long EVENTS = 1_000;

    @Option(names = "--runs", defaultValue = "3", description = "Processes to time; the median is printed (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--heap", defaultValue = "4g", description = "Maximum heap of the JVM, as for -Xmx (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jvm-opt", paramLabel = "OPTION", description = "Extra JVM option; repeatable.")
    List<String> jvmOptions = new ArrayList<>();

    @Option(names = "--results", defaultValue = "bench-results/nexmark.csv",
            description = "CSV file a row per run is appended to, as query 'startup' (default ${DEFAULT-VALUE}).")
    Path resultsFile;

    @Override
    public Integer call() throws Exception {
        if (runs <= 0) {
            throw new IllegalArgumentException("--runs must be positive, got " + runs);
        }
        ForkedJvm jvm = new ForkedJvm(heap, jvmOptions);
        ResultsCsv csv = new ResultsCsv(resultsFile);
        String commit = ResultsCsv.currentCommit();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            Instant start = Instant.now();
            ForkedJvm.Outcome outcome = jvm.runNexmark(
                    new NexmarkRun.Spec(new Q0(), NexmarkConfig.defaults(), EVENTS, 1, null, false));
            seconds[i] = outcome.processSeconds();
            double jobSeconds = outcome.seconds("job_ms");
            System.out.println(String.format(Locale.ROOT, "trivial job: process %.3f s (job %.3f s)", seconds[i], jobSeconds));
            csv.append(new ResultsCsv.Row(start, "startup", 1, EVENTS, NexmarkConfig.DEFAULT_SEED,
                    NexmarkConfig.DEFAULT_EVENTS_PER_SECOND, jobSeconds, EVENTS / jobSeconds, seconds[i], Double.NaN, commit));
        }
        Arrays.sort(seconds);
        System.out.println(String.format(Locale.ROOT, "startup: whole-process seconds median %.3f (min %.3f, max %.3f, %d runs)",
                median(seconds), seconds[0], seconds[runs - 1], runs));
        return 0;
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
