package io.weir.tests.faulttolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.execution.JobClient;
import io.weir.api.execution.SavepointFormatType;
import io.weir.testutils.ClassVersions;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job upgraded across a savepoint while its state's POJO changed: version 1 of the job keeps a
 * {@code Profile} per key and is stopped with a savepoint half-way; version 2, whose {@code Profile}
 * lost a field and gained one, resumes from it and ends with the totals of the whole input, the
 * new field at its initial value. A third version, in which a field changed its type, fails at
 * restore with the documented error. On the heap backend and on RocksDB.
 *
 * <p>The job and its POJO are compiled per version into class loaders of their own
 * ({@link ClassVersions}), as two builds of a user's jar would be.
 */
class StateSchemaEvolutionTest {
    private static final int KEYS = 5;
    private static final long RECORDS = 6_000;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    /** The job, the same in every version: counts and sums per key in a {@code Profile}, emitting it after each record. */
    private static final String JOB = """
            package demo;
            import io.weir.api.connector.datagen.DataGeneratorSource;
            import io.weir.api.connector.datagen.RateLimiterStrategy;
            import io.weir.api.datastream.DataStream;
            import io.weir.api.environment.StreamExecutionEnvironment;
            import io.weir.api.eventtime.WatermarkStrategy;
            import io.weir.api.functions.Collector;
            import io.weir.api.functions.KeyedProcessFunction;
            import io.weir.api.functions.OpenContext;
            import io.weir.api.state.ValueState;
            import io.weir.api.state.ValueStateDescriptor;
            import io.weir.api.types.Types;
            import java.util.concurrent.atomic.AtomicLong;
            public class ProfileJob {
                public static final AtomicLong PROCESSED = new AtomicLong();
                public static DataStream<String> program(StreamExecutionEnvironment env, long records) {
                    return env.fromSource(new DataGeneratorSource<>(i -> i, records, RateLimiterStrategy.perSecond(3_000),
                                    Types.LONG), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers").setParallelism(1)
                            .keyBy(x -> x % 5)
                            .process(new Profiles()).uid("profiles");
                }
                public static class Profiles extends KeyedProcessFunction<Long, Long, String> {
                    private transient ValueState<Profile> profile;
                    @Override
                    public void open(OpenContext context) {
                        profile = getRuntimeContext().getState(new ValueStateDescriptor<>("profile", Profile.class));
                    }
                    @Override
                    public void processElement(Long value, Context ctx, Collector<String> out) throws Exception {
                        Profile p = profile.value();
                        if (p == null) {
                            p = new Profile();
                            p.key = ctx.getCurrentKey();
                        }
                        p.count++;
                        p.sum += value;
                        profile.update(p);
                        PROCESSED.incrementAndGet();
                        out.collect(p.describe());
                    }
                }
            }
            """;

    private static final String PROFILE_V1 = """
            package demo;
            public class Profile {
                public long key; public long count; public long sum; public String legacy = "v1 only";
                public String describe() { return key + ":" + count + "/" + sum + "/" + legacy; }
            }
            """;
    private static final String PROFILE_V2 = """
            package demo;
            public class Profile {
                public long key; public long count; public long sum; public String tier = "basic";
                public String describe() { return key + ":" + count + "/" + sum + "/" + tier; }
            }
            """;
    private static final String PROFILE_V3_COUNT_AS_INT = """
            package demo;
            public class Profile {
                public long key; public int count; public long sum; public String legacy;
                public String describe() { return key + ":" + count + "/" + sum; }
            }
            """;

    @ParameterizedTest(name = "state.backend.type: {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aPojoThatLostAndGainedFieldsResumesFromASavepointWithTheTotalsOfTheWholeInput(String backend,
            @TempDir Path dir) throws Exception {
        String savepoint = runVersionOneUntilASavepoint(backend, dir);

        ClassLoader v2 = ClassVersions.compile(dir.resolve("v2"), Map.of("demo.ProfileJob", JOB, "demo.Profile",
                PROFILE_V2));
        List<String> output = ClassVersions.withContextClassLoader(v2, () -> run(v2, backend, dir, savepoint));
        Map<Long, String> last = new TreeMap<>();
        for (String line : output) {
            last.put(Long.parseLong(line.substring(0, line.indexOf(':'))), line);
        }
        Map<Long, String> expected = new TreeMap<>();
        for (long key = 0; key < KEYS; key++) {
            long sum = 0;
            for (long i = key; i < RECORDS; i += KEYS) {
                sum += i;
            }
            expected.put(key, key + ":" + RECORDS / KEYS + "/" + sum + "/basic");
        }
        assertEquals(expected, last);
        assertTrue(output.size() < RECORDS, "version 2 resumed half-way: it processed " + output.size() + " records");
    }

    @ParameterizedTest(name = "state.backend.type: {0}")
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void aFieldThatChangedItsTypeFailsTheRestoreNamingUidStateAndBothTypes(String backend, @TempDir Path dir)
            throws Exception {
        String savepoint = runVersionOneUntilASavepoint(backend, dir);

        ClassLoader v3 = ClassVersions.compile(dir.resolve("v3"), Map.of("demo.ProfileJob", JOB, "demo.Profile",
                PROFILE_V3_COUNT_AS_INT));
        Exception e = assertThrows(Exception.class,
                () -> ClassVersions.withContextClassLoader(v3, () -> run(v3, backend, dir, savepoint)));
        String message = causeMessages(e);
        assertTrue(message.contains("State 'profile' of operator 'KeyedProcess (uid profiles)' cannot be restored"), message);
        assertTrue(message.contains("count: Long") && message.contains("count: Integer"), message);
        assertTrue(message.contains("count: LongSerializer") && message.contains("count: IntSerializer"), message);
        assertTrue(message.contains("a field whose type changed is incompatible"), message);
    }

    /** Runs version 1 until a fifth of the input is processed, stops it with a savepoint and returns its path. */
    private static String runVersionOneUntilASavepoint(String backend, Path dir) throws Exception {
        ClassLoader v1 = ClassVersions.compile(dir.resolve("v1"), Map.of("demo.ProfileJob", JOB, "demo.Profile",
                PROFILE_V1));
        return ClassVersions.withContextClassLoader(v1, () -> {
            StreamExecutionEnvironment env = environment(backend, dir, null);
            program(v1, env).sinkTo(new io.weir.api.connector.sink.DiscardingSink<>());
            JobClient client = env.executeAsync("profiles v1");
            AtomicLong processed = (AtomicLong) v1.loadClass("demo.ProfileJob").getField("PROCESSED").get(null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (processed.get() < RECORDS / 5) {
                assertTrue(System.nanoTime() < deadline, "version 1 did not process " + RECORDS / 5 + " records in 60 s");
                Thread.onSpinWait();
            }
            return client.stopWithSavepoint(false, dir.resolve("savepoints").toString(), SavepointFormatType.CANONICAL)
                    .get(60, TimeUnit.SECONDS);
        });
    }

    private static List<String> run(ClassLoader version, String backend, Path dir, String savepoint) throws Exception {
        return program(version, environment(backend, dir, savepoint)).executeAndCollect(10_000);
    }

    @SuppressWarnings("unchecked")
    private static DataStream<String> program(ClassLoader version, StreamExecutionEnvironment env) throws Exception {
        return (DataStream<String>) version.loadClass("demo.ProfileJob")
                .getMethod("program", StreamExecutionEnvironment.class, long.class).invoke(null, env, RECORDS);
    }

    private static StreamExecutionEnvironment environment(String backend, Path dir, String savepoint) {
        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        config.setString("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
        config.setString("restart-strategy.type", "none");
        if (savepoint != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        env.configure(config);
        return env;
    }

    private static String causeMessages(Throwable e) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
