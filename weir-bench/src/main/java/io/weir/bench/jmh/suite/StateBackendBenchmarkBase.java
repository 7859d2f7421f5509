package io.weir.bench.jmh.suite;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.bench.jmh.ProcessCpuTime;
import io.weir.bench.jmh.suite.IntegerLongSource.Record;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * flink-benchmarks' {@code StateBackendBenchmarkBase}: the tumbling-window job of
 * {@link WindowBenchmarks} (1,000 keys, windows of 10,000 s, reduce by sum, no checkpoints) on one
 * state backend, chosen per job with {@code state.backend.type}. {@code MEMORY} and {@code FS} keep
 * the state on the heap ({@code hashmap}) and differ only in where checkpoints would go (the
 * JobManager's memory; a directory, {@code execution.checkpointing.dir}); {@code ROCKS} and
 * {@code ROCKS_INC} keep it in RocksDB with full or incremental checkpoints. The job takes no
 * checkpoint, as in flink-benchmarks, so only the backend's state access is measured.
 *
 * <p>flink-benchmarks builds this configuration and never hands it to its environment, so all its
 * variants run on its cluster's {@code hashmap} backend; Weir's suite and its Flink twin do apply it.
 */
public final class StateBackendBenchmarkBase {
    /** The backends of flink-benchmarks' {@code StateBackend} enum that its benchmarks use. */
    public enum StateBackend { MEMORY, FS, ROCKS, ROCKS_INC }

    static final int KEYS = 1_000;
    static final Duration WINDOW = Duration.ofSeconds(10_000);

    private StateBackendBenchmarkBase() {}

    /** The settings of {@code backend}; {@code checkpointDirectory} is where {@code FS} and RocksDB checkpoint. */
    public static Configuration configuration(StateBackend backend, Path checkpointDirectory) {
        Configuration configuration = new Configuration();
        String directory = checkpointDirectory.toUri().toString();
        switch (backend) {
            case MEMORY -> configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap");
            case FS -> configuration.set(StateBackendOptions.STATE_BACKEND, "hashmap")
                    .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory);
            case ROCKS, ROCKS_INC -> configuration.set(StateBackendOptions.STATE_BACKEND, "rocksdb")
                    .set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory)
                    .set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, backend == StateBackend.ROCKS_INC)
                    // Weir's only timer store; the twin sets Flink's (whose default is ROCKSDB) to the same
                    .setString("state.backend.rocksdb.timer-service.factory", "HEAP");
            default -> throw new IllegalArgumentException("Unknown state backend " + backend);
        }
        return configuration;
    }

    /** The suite's environment with {@code backend}'s settings. */
    public static StreamExecutionEnvironment environment(StateBackend backend, Path checkpointDirectory) {
        StreamExecutionEnvironment env = SuiteEnvironment.create();
        env.configure(configuration(backend, checkpointDirectory));
        return env;
    }

    /** The job up to its sink: source, map, keyBy, tumbling window, reduce. */
    public static DataStream<Record> program(StreamExecutionEnvironment env, int keys, long records) {
        return WindowBenchmarks.program(env, keys, records, TumblingEventTimeWindows.of(WINDOW));
    }

    static long run(StateBackend backend, Path checkpointDirectory, long records, ProcessCpuTime cpu)
            throws Exception {
        StreamExecutionEnvironment env = environment(backend, checkpointDirectory);
        program(env, KEYS, records).addSink(new DiscardingSink<>());
        return SuiteEnvironment.execute(env, "stateBackends " + backend, records, cpu);
    }

    static Path createCheckpointDirectory() throws IOException {
        return Files.createTempDirectory("weir-suite-state-");
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
