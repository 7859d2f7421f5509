package io.weir.bench.jmh;

import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keyed {@code ValueState<Long>} on the heap backend, all 128 key groups in one subtask: per
 * operation, set the current key (key-group hash) then read, or read and update (a counter, as a
 * keyed count does). Keys cycle through {@code keys} distinct values, all present.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class ValueStateBenchmark {
    @Param({"1000", "100000"})
    public int keys;

    private HeapKeyedStateBackend<Long> backend;
    private ValueState<Long> state;
    private Long[] keyObjects;
    private int next;

    @Setup
    public void setUp() throws Exception {
        backend = new HeapKeyedStateBackend<>("bench", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(), null);
        state = backend.getPartitionedState(new ValueStateDescriptor<>("count", Long.class));
        keyObjects = new Long[keys];
        for (int i = 0; i < keys; i++) {
            keyObjects[i] = (long) i * 7_919;
            backend.setCurrentKey(keyObjects[i]);
            state.update(0L);
        }
    }

    private Long nextKey() {
        Long key = keyObjects[next];
        next = next + 1 == keys ? 0 : next + 1;
        return key;
    }

    @Benchmark
    public Long get() throws Exception {
        backend.setCurrentKey(nextKey());
        return state.value();
    }

    @Benchmark
    public void getAndUpdate() throws Exception {
        backend.setCurrentKey(nextKey());
        state.update(state.value() + 1);
    }
}
