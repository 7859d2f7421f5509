package io.weir.bench.nexmark;

import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.execution.JobExecutionResult;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.bench.nexmark.query.NexmarkQuery;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;

/**
 * Runs one Nexmark query as one job in this JVM and prints one {@code RESULT} line: the
 * measurement of a single benchmark run. The bench runner starts this class in a fresh JVM per run
 * ({@code NexmarkRun <query> <events> <parallelism> <seed> <eventsPerSecond> [checkDir]}).
 *
 * <p>Without a check directory the results go to a {@link DiscardingSink}; with one, the final
 * result is written in canonical form to {@code checkDir/<query>.txt} and its SHA-256 reported.
 */
public final class NexmarkRun {
    /** What one run measured; {@code sha256} is null unless the result was written. */
    public record Measurement(String query, int parallelism, long events, long jobMillis, long gcMillis,
            String sha256) {
        public double eventsPerSecond() {
            return jobMillis == 0 ? Double.NaN : events * 1000.0 / jobMillis;
        }

        /** The line the bench runner reads back from a forked run. */
        public String resultLine() {
            return String.format(Locale.ROOT, "RESULT query=%s parallelism=%d events=%d job_ms=%d gc_ms=%d sha256=%s",
                    query, parallelism, events, jobMillis, gcMillis, sha256 == null ? "-" : sha256);
        }
    }

    private NexmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 5 || args.length > 6) {
            System.err.println("Usage: NexmarkRun <query> <events> <parallelism> <seed> <eventsPerSecond> [checkDir]");
            System.exit(2);
        }
        NexmarkQuery<?> query = NexmarkQueries.byName(args[0]);
        long events = Long.parseLong(args[1]);
        int parallelism = Integer.parseInt(args[2]);
        NexmarkConfig config = NexmarkConfig.defaults().withSeed(Long.parseLong(args[3]))
                .withEventsPerSecond(Long.parseLong(args[4]));
        Path checkDir = args.length == 6 ? Paths.get(args[5]) : null;
        Measurement measurement = run(query, config, events, parallelism, checkDir);
        System.out.println(measurement.resultLine());
        System.out.flush();
        // The job is over; end at once rather than wait for any thread the cluster left behind.
        System.exit(0);
    }

    /** Runs {@code query} over events {@code 0..events-1} at {@code parallelism}. */
    public static <R> Measurement run(NexmarkQuery<R> query, NexmarkConfig config, long events, int parallelism,
            Path checkDir) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        DataStream<Event> source = env.fromSource(query.source(config, events), WatermarkStrategy.noWatermarks(),
                "Nexmark source");
        DataStream<R> results = query.build(source);
        Path partsDir = null;
        if (checkDir == null) {
            results.sinkTo(new DiscardingSink<>()).name("Discard");
        } else {
            partsDir = checkDir.resolve("." + query.name() + "-parts");
            results.sinkTo(new CanonicalRowSink<>(query, partsDir)).name("Canonical rows");
        }
        long gcBefore = gcMillis();
        JobExecutionResult result = env.execute("Nexmark " + query.name());
        long gc = gcMillis() - gcBefore;
        String sha256 = partsDir == null ? null
                : CanonicalResult.merge(partsDir, checkDir.resolve(query.name() + ".txt"));
        return new Measurement(query.name(), parallelism, events, result.getNetRuntime(), gc, sha256);
    }

    /** Total time of all garbage collections so far, milliseconds. */
    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }
}
