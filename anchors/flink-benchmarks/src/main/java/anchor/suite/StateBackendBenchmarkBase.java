package anchor.suite;

import anchor.suite.IntegerLongSource.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.legacy.DiscardingSink;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;

/**
 * Twin of Weir's {@code StateBackendBenchmarkBase}: the tumbling-window job of {@link WindowBenchmarks}
 * (1,000 keys, windows of 10,000 s, reduce by sum, no checkpoints) on the state backend of the job's
 * own configuration ({@code state.backend.type}): {@code MEMORY} and {@code FS} on the heap
 * ({@code hashmap}; checkpoints, none taken, to the JobManager or to a directory), {@code ROCKS} and
 * {@code ROCKS_INC} in RocksDB (full or incremental checkpoints), with heap timers (Weir's only timer
 * store) and 322,122,552 bytes of RocksDB memory per slot as flink-benchmarks sets it. Unlike
 * flink-benchmarks, whose {@code StateBackendContext} builds this configuration and never applies it,
 * the twin (and Weir's suite) hands it to the job's environment.
 */
public final class StateBackendBenchmarkBase {
    public enum StateBackend { MEMORY, FS, ROCKS, ROCKS_INC }

    static final int KEYS = 1_000;
    private static final int CHECK_KEYS = 10;
    private static final int CHECK_RECORDS = 1_000;

    private StateBackendBenchmarkBase() {}

    static Configuration configuration(StateBackend backend, Path checkpointDirectory) {
        Configuration configuration = new Configuration();
        String directory = checkpointDirectory.toUri().toString();
        switch (backend) {
            case MEMORY -> {
                configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
                configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "jobmanager");
            }
            case FS -> {
                configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
                configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
            }
            case ROCKS, ROCKS_INC -> {
                configuration.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
                configuration.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
                configuration.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
                configuration.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, backend == StateBackend.ROCKS_INC);
                configuration.setString("state.backend.rocksdb.timer-service.factory", "HEAP");
                configuration.set(org.apache.flink.state.rocksdb.RocksDBOptions.FIX_PER_SLOT_MEMORY_SIZE,
                        MemorySize.parse("322122552b"));
            }
            default -> throw new IllegalArgumentException("Unknown state backend " + backend);
        }
        return configuration;
    }

    static StreamExecutionEnvironment environment(SuiteCluster cluster, StateBackend backend, Path checkpointDirectory) {
        StreamExecutionEnvironment env = cluster.environment();
        env.configure(configuration(backend, checkpointDirectory));
        return env;
    }

    static DataStream<Record> program(StreamExecutionEnvironment env, int keys, long records) {
        return WindowBenchmarks.program(env, keys, records, TumblingEventTimeWindows.of(Duration.ofSeconds(10_000)));
    }

    static long run(SuiteCluster cluster, StateBackend backend, Path checkpointDirectory, long records,
            ProcessCpuTime cpu) throws Exception {
        StreamExecutionEnvironment env = environment(cluster, backend, checkpointDirectory);
        program(env, KEYS, records).addSink(new DiscardingSink<>());
        return SuiteCluster.execute(env, "stateBackends " + backend, records, cpu);
    }

    /** Before timing: the program, small, on {@code backend}, gives one window per key with its doubled sum. */
    static void check(SuiteCluster cluster, StateBackend backend, Path checkpointDirectory) throws Exception {
        TreeMap<Integer, Long> sums = new TreeMap<>();
        for (int i = 0; i < CHECK_RECORDS; i++) {
            sums.merge(i % CHECK_KEYS, 2L * i, Long::sum);
        }
        TreeMap<Integer, Long> actual = new TreeMap<>();
        for (Record record : Check.collect(program(environment(cluster, backend, checkpointDirectory), CHECK_KEYS,
                CHECK_RECORDS))) {
            Check.equal(null, actual.put(record.key, record.value), "one window per key on " + backend);
        }
        Check.equal(sums, actual, "sums per key on " + backend);
    }

    static Path createCheckpointDirectory() throws IOException {
        return Files.createTempDirectory("flink-suite-state-");
    }

    static void delete(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
