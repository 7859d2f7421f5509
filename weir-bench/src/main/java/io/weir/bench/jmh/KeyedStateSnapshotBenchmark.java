package io.weir.bench.jmh;

import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.Types;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import java.util.Map;
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
 * Snapshots of the heap backend: {@code keys} entries of one {@code ValueState<Long>} keyed by
 * {@code Long}, all 128 key groups in one subtask. {@code snapshot}: serialized at once into one byte
 * array per key group; {@code checkpointSnapshot}: what a checkpoint costs the task's thread — the
 * tables captured (copy on write), the bytes written later by the checkpoint I/O thread, here
 * right after the measured part, with every key group then released (so nothing is copied);
 * {@code restore}: reading a snapshot back into a fresh backend, registering the state included.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
@State(Scope.Thread)
public class KeyedStateSnapshotBenchmark {
    private static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);

    @Param({"1000000"})
    public int keys;

    private HeapKeyedStateBackend<Long> backend;
    private Map<Integer, byte[]> snapshot;
    private Map<Integer, byte[]> pending;

    private static HeapKeyedStateBackend<Long> backend() {
        return new HeapKeyedStateBackend<>("bench", 0, 128, new KeyGroupRange(0, 127), new SerializerConfig(),
                Types.LONG.createSerializer(new SerializerConfig()));
    }

    @Setup
    public void setUp() throws Exception {
        backend = backend();
        ValueState<Long> state = backend.getPartitionedState(COUNT);
        for (long i = 0; i < keys; i++) {
            backend.setCurrentKey(i * 7_919);
            state.update(i);
        }
        snapshot = backend.snapshot();
    }

    @Benchmark
    public Map<Integer, byte[]> snapshot() {
        return backend.snapshot();
    }

    @Benchmark
    public Map<Integer, byte[]> checkpointSnapshot() {
        pending = backend.snapshot(1, false).keyGroups();
        return pending;
    }

    /** Writes (and so releases) what {@code checkpointSnapshot} took, outside the measured time. */
    @TearDown(Level.Invocation)
    public void writeDeferred() {
        if (pending != null) {
            pending.size();
            pending = null;
        }
    }

    @Benchmark
    public HeapKeyedStateBackend<Long> restore() {
        HeapKeyedStateBackend<Long> restored = backend();
        restored.restore(snapshot);
        restored.getPartitionedState(COUNT);
        return restored;
    }
}
