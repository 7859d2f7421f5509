package io.weir.bench.jmh;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.StateBackendLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The state-access path per backend ({@code state.backend.type}): per operation, set the current
 * key, then read or read-and-update a {@code ValueState<Long>} (a keyed counter), or get or put one
 * entry of a {@code MapState<Integer, Long>} (8 entries per key). {@code keys} distinct keys, all
 * present, cycled through; all 128 key groups in one subtask. RocksDB runs with its defaults in a
 * temporary directory (deleted at the end), so it reads mostly from its block cache and memtables.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class StateBackendBenchmark {
    private static final int MAP_ENTRIES = 8;

    @Param({"hashmap", "rocksdb"})
    public String backend;

    @Param({"100000"})
    public int keys;

    private Path directory;
    private AbstractKeyedStateBackend<Long> state;
    private ValueState<Long> value;
    private MapState<Integer, Long> map;
    private Long[] keyObjects;
    private int next;
    private int entry;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        directory = Files.createTempDirectory("weir-state-bench");
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        config.setString("state.backend.rocksdb.localdir", directory.toString());
        SerializerConfig serializers = new SerializerConfig();
        state = StateBackendLoader.load(config, getClass().getClassLoader()).createKeyedStateBackend(
                new KeyedBackendParameters<>("bench", 0, 128, new KeyGroupRange(0, 127), serializers,
                        Types.LONG.createSerializer(serializers), config));
        value = state.getPartitionedState(new ValueStateDescriptor<>("count", Long.class));
        map = state.getPartitionedState(new MapStateDescriptor<>("entries", Integer.class, Long.class));
        keyObjects = new Long[keys];
        for (int i = 0; i < keys; i++) {
            keyObjects[i] = (long) i * 7_919;
            state.setCurrentKey(keyObjects[i]);
            value.update(0L);
            for (int e = 0; e < MAP_ENTRIES; e++) {
                map.put(e, (long) e);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        state.dispose();
        Files.deleteIfExists(directory);
    }

    private Long nextKey() {
        Long key = keyObjects[next];
        next = next + 1 == keys ? 0 : next + 1;
        return key;
    }

    private int nextEntry() {
        entry = entry + 1 == MAP_ENTRIES ? 0 : entry + 1;
        return entry;
    }

    @Benchmark
    public Long valueGet() throws Exception {
        state.setCurrentKey(nextKey());
        return value.value();
    }

    @Benchmark
    public void valueGetAndUpdate() throws Exception {
        state.setCurrentKey(nextKey());
        value.update(value.value() + 1);
    }

    @Benchmark
    public Long mapGet() throws Exception {
        state.setCurrentKey(nextKey());
        return map.get(nextEntry());
    }

    @Benchmark
    public void mapPut() throws Exception {
        state.setCurrentKey(nextKey());
        map.put(nextEntry(), (long) next);
    }
}
