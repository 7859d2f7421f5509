package io.weir.bench.nexmark;

import io.weir.bench.nexmark.sql.NexmarkSqlRun;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.datastream.DataStream;
import io.weir.api.configuration.Configuration;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobExecutionResult;
import io.weir.bench.nexmark.query.NexmarkQueries;
import io.weir.bench.nexmark.query.NexmarkQuery;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one Nexmark query as one job in this JVM and prints one {@code RESULT} line: the
 * measurement of a single benchmark run. The bench runner starts this class in a fresh JVM per run,
 * with {@code key=value} arguments: {@code query}, {@code events}, {@code parallelism}, {@code seed},
 * {@code tps}, optionally {@code check=DIR}, {@code gc=false} and {@code sql=true} (run the query's
 * SQL file, {@link NexmarkSqlRun}, instead of its DataStream job).
 *
 * <p>Without a check directory the results go to a {@link DiscardingSink}; with one, the final
 * result is written in canonical form to {@code DIR/<query>.txt} and its SHA-256 reported.
 * {@code gc=false} leaves the garbage-collection time unmeasured (-1): reading it loads the JMX
 * classes, which costs a startup measurement tens of milliseconds.
 */
public final class NexmarkRun {
    /** Arguments {@code conf.<key>=<value>} set configuration keys on the job. */
    static final String CONF_PREFIX = "conf.";
    /**
     * What to run. {@code checkDir} is null for a discarding run; {@code conf} holds configuration keys
     * set on the job (for example {@code execution.checkpointing.interval}).
     */
    public record Spec(NexmarkQuery<?> query, NexmarkConfig config, long events, int parallelism, Path checkDir,
            boolean measureGc, Map<String, String> conf, boolean sql) {

        public Spec(NexmarkQuery<?> query, NexmarkConfig config, long events, int parallelism, Path checkDir,
                boolean measureGc) {
            this(query, config, events, parallelism, checkDir, measureGc, Map.of(), false);
        }

        public Spec withConf(Map<String, String> extra) {
            Map<String, String> merged = new java.util.TreeMap<>(conf);
            merged.putAll(extra);
            return new Spec(query, config, events, parallelism, checkDir, measureGc, merged, sql);
        }

        /** The same run of the query's SQL file (io.weir.bench.nexmark.sql.NexmarkSqlQueries) instead of its DataStream job. */
        public Spec withSql(boolean runSql) {
            return new Spec(query, config, events, parallelism, checkDir, measureGc, conf, runSql);
        }

        /** The spec as {@link #main} arguments. */
        public List<String> toArgs() {
            List<String> args = new ArrayList<>(List.of("query=" + query.name(), "events=" + events,
                    "parallelism=" + parallelism, "seed=" + config.seed(), "tps=" + config.eventsPerSecond()));
            if (checkDir != null) {
                args.add("check=" + checkDir.toAbsolutePath());
            }
            if (!measureGc) {
                args.add("gc=false");
            }
            if (sql) {
                args.add("sql=true");
            }
            conf.forEach((key, value) -> args.add(CONF_PREFIX + key + "=" + value));
            return args;
        }

        static Spec parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("Expected key=value, got '" + arg + "'");
                }
                values.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            NexmarkConfig config = NexmarkConfig.defaults()
                    .withSeed(Long.parseLong(values.getOrDefault("seed", Long.toString(NexmarkConfig.DEFAULT_SEED))))
                    .withEventsPerSecond(Long.parseLong(
                            values.getOrDefault("tps", Long.toString(NexmarkConfig.DEFAULT_EVENTS_PER_SECOND))));
            String check = values.get("check");
            Map<String, String> conf = new java.util.TreeMap<>();
            values.forEach((key, value) -> {
                if (key.startsWith(CONF_PREFIX)) {
                    conf.put(key.substring(CONF_PREFIX.length()), value);
                }
            });
            return new Spec(NexmarkQueries.byName(required(values, "query")),
                    config, Long.parseLong(required(values, "events")),
                    Integer.parseInt(values.getOrDefault("parallelism", "1")),
                    check == null ? null : Paths.get(check), !"false".equals(values.get("gc")), conf,
                    "true".equals(values.get("sql")));
        }

        private static String required(Map<String, String> values, String key) {
            String value = values.get(key);
            if (value == null) {
                throw new IllegalArgumentException("Missing " + key + "=...");
            }
            return value;
        }
    }

    /**
     * What one run measured: the job's net runtime, and during it the garbage-collection time and
     * the process's CPU time (-1 where not measured); for SQL runs the planning time (executeSql of
     * the INSERT until the job is submitted), -1 for DataStream runs; the time from submission (or
     * executeSql) to the job's result; {@code sha256} is null unless the result was written; the
     * JIT compiler threads' CPU time within the CPU time (SQL runs; -1 where not measured).
     */
    public record Measurement(String query, int parallelism, long events, long jobMillis, long gcMillis,
            long cpuMillis, long planMillis, long submitToFinishMillis, String sha256, long jitMillis) {

        /** A run whose JIT compiler time was not measured ({@code jit_ms=-1}). */
        public Measurement(String query, int parallelism, long events, long jobMillis, long gcMillis,
                long cpuMillis, long planMillis, long submitToFinishMillis, String sha256) {
            this(query, parallelism, events, jobMillis, gcMillis, cpuMillis, planMillis, submitToFinishMillis, sha256,
                    -1);
        }

        public double eventsPerSecond() {
            return jobMillis == 0 ? Double.NaN : events * 1000.0 / jobMillis;
        }

        /** The line the bench runner reads back from a forked run. */
        public String resultLine() {
            return String.format(Locale.ROOT,
                    "RESULT query=%s parallelism=%d events=%d job_ms=%d gc_ms=%d cpu_ms=%d jit_ms=%d plan_ms=%d "
                            + "submit_ms=%d sha256=%s",
                    query, parallelism, events, jobMillis, gcMillis, cpuMillis, jitMillis, planMillis,
                    submitToFinishMillis, sha256 == null ? "-" : sha256);
        }
    }

    private NexmarkRun() {
    }

    public static void main(String[] args) throws Exception {
        Spec spec;
        try {
            spec = Spec.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + ". Usage: NexmarkRun query=q0 events=N [parallelism=P] [seed=S] "
                    + "[tps=T] [check=DIR] [gc=false] [sql=true]");
            System.exit(2);
            return;
        }
        // The process's logging is set up by its first log call: parsing the distribution's Logback
        // configuration costs a few hundred milliseconds of CPU once per JVM. Make that call here, so
        // that it is not counted as the job's CPU time (the first call otherwise comes from inside
        // execute(), an ObjectInputStream's filter trace).
        System.getLogger(NexmarkRun.class.getName()).isLoggable(System.Logger.Level.INFO);
        Measurement measurement = run(spec);
        System.out.println(measurement.resultLine());
        System.out.flush();
        // The job is over; end at once rather than wait for any thread the cluster left behind.
        System.exit(0);
    }

    /** Runs {@code query} over events {@code 0..events-1} at {@code parallelism}. */
    public static Measurement run(NexmarkQuery<?> query, NexmarkConfig config, long events, int parallelism,
            Path checkDir) throws Exception {
        return run(new Spec(query, config, events, parallelism, checkDir, true));
    }

    public static Measurement run(Spec spec) throws Exception {
        return spec.sql() ? runSql(spec) : runTyped(spec, spec.query());
    }

    private static Measurement runSql(Spec spec) throws Exception {
        long gcBefore = spec.measureGc() ? gcMillis() : 0;
        // The CPU time is the SQL runner's: from executeSql of the INSERT to the job's end, the span
        // the Flink harness measures (its job_cpu_s), not the table environment's creation and DDL.
        NexmarkSqlRun.Outcome outcome = NexmarkSqlRun.run(spec.query().name(), spec.config(), spec.events(),
                spec.parallelism(), spec.checkDir(), spec.conf());
        long gc = spec.measureGc() ? gcMillis() - gcBefore : -1;
        return new Measurement(spec.query().name(), spec.parallelism(), spec.events(), outcome.jobMillis(), gc,
                outcome.cpuMillis(), outcome.planMillis(), outcome.submitToFinishMillis(), outcome.sha256(),
                outcome.jitMillis());
    }

    private static <R> Measurement runTyped(Spec spec, NexmarkQuery<R> query) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(spec.parallelism());
        if (!spec.conf().isEmpty()) {
            Configuration conf = new Configuration();
            spec.conf().forEach(conf::setString);
            env.configure(conf);
        }
        DataStream<Event> source = env.fromSource(query.source(spec.config(), spec.events()),
                query.watermarkStrategy(), "Nexmark source");
        DataStream<R> results = query.build(source);
        Path partsDir = null;
        if (spec.checkDir() == null) {
            results.sinkTo(new DiscardingSink<>()).name("Discard");
        } else {
            partsDir = spec.checkDir().resolve("." + query.name() + "-parts");
            results.sinkTo(new CanonicalRowSink<>(query, partsDir)).name("Canonical rows");
        }
        long gcBefore = spec.measureGc() ? gcMillis() : 0;
        long cpuBefore = cpuMillis();
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("Nexmark " + query.name());
        long submitToFinish = (System.nanoTime() - start) / 1_000_000;
        long cpuAfter = cpuMillis();
        long gc = spec.measureGc() ? gcMillis() - gcBefore : -1;
        String sha256 = partsDir == null ? null
                : CanonicalResult.merge(partsDir, spec.checkDir().resolve(query.name() + ".txt"));
        return new Measurement(query.name(), spec.parallelism(), spec.events(), result.getNetRuntime(), gc,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore, -1, submitToFinish, sha256);
    }

    /** Total time of all garbage collections so far, milliseconds. */
    static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            total += Math.max(0, gc.getCollectionTime());
        }
        return total;
    }

    /** CPU time of this process so far, milliseconds, or -1 where the platform does not say. */
    static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    }
}
