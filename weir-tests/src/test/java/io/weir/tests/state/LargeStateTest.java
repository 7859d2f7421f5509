package io.weir.tests.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.CheckpointingOptions;
import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.RestartStrategyOptions;
import io.weir.api.configuration.StateBackendOptions;
import io.weir.api.connector.datagen.DataGeneratorSource;
import io.weir.api.connector.sink.DiscardingSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.testutils.MiniClusterExtension;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose keyed state is several times the JVM's heap completes on RocksDB, with incremental
 * checkpoints taken while the state grows: every key's 1 KiB value is written, then read back and
 * compared. Runs only in the Maven profile {@code large-state}, in a JVM of {@code -Xmx256m}
 * ({@code ./mvnw -o verify -Plarge-state -pl weir-tests -am}); {@code -Dlarge-state.keys=N} changes
 * the number of keys (default 1,000,000: 1 GiB of values).
 */
@Tag("large-state")
class LargeStateTest {
    private static final long KEYS = Long.getLong("large-state.keys", 1_000_000);
    private static final int VALUE_BYTES = 1024;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = MiniClusterExtension.builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build();

    static final AtomicLong VERIFIED = new AtomicLong();

    @Test
    @Timeout(900)
    void stateSeveralTimesTheHeapFitsInRocksDB(@TempDir Path dir) throws Exception {
        long stateBytes = KEYS * VALUE_BYTES;
        long heap = Runtime.getRuntime().maxMemory();
        assertTrue(stateBytes >= 3 * heap, "the state (" + stateBytes + " bytes) must be several times the heap ("
                + heap + " bytes): run with -Xmx256m (the large-state profile does)");

        StreamExecutionEnvironment env = CLUSTER.createEnvironment(2);
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.setString("state.backend.rocksdb.localdir", dir.resolve("rocksdb").toString());
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, dir.resolve("checkpoints").toString());
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none"); // a lost value fails the test at once
        env.configure(config);
        env.enableCheckpointing(5_000);

        // records 0 .. KEYS-1 write each key's value, records KEYS .. 2*KEYS-1 read it back: one source
        // subtask, so every key's write reaches its keyed subtask before its read
        env.fromSource(new DataGeneratorSource<>(i -> i, 2 * KEYS, Types.LONG), WatermarkStrategy.noWatermarks(),
                        "keys twice").setParallelism(1)
                .keyBy(i -> i % KEYS)
                .process(new WriteThenVerify()).returns(Types.LONG)
                .sinkTo(new DiscardingSink<>());
        long start = System.nanoTime();
        env.execute("large state");
        System.out.printf("LargeStateTest: %,d keys, %,d MiB of values, heap %,d MiB: %.1f s%n", KEYS,
                stateBytes >> 20, heap >> 20, (System.nanoTime() - start) / 1e9);

        assertEquals(KEYS, VERIFIED.get(), "every key's value was read back intact");
    }

    /** A deterministic, incompressible value per key. */
    static byte[] valueOf(long key) {
        byte[] value = new byte[VALUE_BYTES];
        new SplittableRandom(key).nextBytes(value);
        return value;
    }

    /** Stores the key's value on its first record and compares it on its second. */
    static final class WriteThenVerify extends KeyedProcessFunction<Long, Long, Long> {
        private transient ValueState<byte[]> value;

        @Override
        public void open(OpenContext context) {
            value = getRuntimeContext().getState(new ValueStateDescriptor<>("value", byte[].class));
        }

        @Override
        public void processElement(Long record, Context ctx, Collector<Long> out) throws Exception {
            long key = ctx.getCurrentKey();
            byte[] stored = value.value();
            if (record < KEYS) {
                value.update(valueOf(key));
                return;
            }
            if (stored == null || !Arrays.equals(stored, valueOf(key))) {
                throw new IllegalStateException("key " + key + " lost its value");
            }
            VERIFIED.incrementAndGet();
        }
    }
}
