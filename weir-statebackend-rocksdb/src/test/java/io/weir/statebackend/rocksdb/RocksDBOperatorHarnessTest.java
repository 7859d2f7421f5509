package io.weir.statebackend.rocksdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.configuration.Configuration;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.StateBackend;
import io.weir.testutils.KeyedOneInputStreamOperatorTestHarness;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator test harness on RocksDB ({@code setStateBackend}): a keyed count with an event-time
 * timer per key, snapshotted and restored into a fresh operator, on RocksDB and across backends.
 */
class RocksDBOperatorHarnessTest {
    @TempDir
    Path temporary;

    /** Counts per key; emits "key=count" when the key's timer (at 100) fires. */
    static final class CountUntilTimer extends KeyedProcessFunction<String, String, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Long.class));
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            Long current = count.value();
            count.update(current == null ? 1 : current + 1);
            ctx.timerService().registerEventTimeTimer(100);
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            out.collect(ctx.getCurrentKey() + "=" + count.value());
        }
    }

    private KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(StateBackend backend)
            throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, String, String> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CountUntilTimer()),
                        s -> s, Types.STRING);
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.toString());
        harness.setStateBackend(backend, config);
        return harness;
    }

    private OperatorSubtaskState countedOn(StateBackend backend) throws Exception {
        try (var harness = harness(backend)) {
            harness.open();
            for (String key : List.of("a", "b", "a", "c", "a")) {
                harness.processElement(key, 1L);
            }
            return harness.snapshot(1, 1);
        }
    }

    private List<String> firedAfterRestoreOn(StateBackend backend, OperatorSubtaskState state) throws Exception {
        try (var harness = harness(backend)) {
            harness.initializeState(state);
            harness.open();
            harness.processElement("b", 2L);
            harness.processWatermark(100L);
            return harness.extractOutputValues().stream().sorted().toList();
        }
    }

    @Test
    void stateAndTimersComeBackIntoAFreshOperatorOnRocksDB() throws Exception {
        OperatorSubtaskState state = countedOn(new EmbeddedRocksDBStateBackend());
        assertEquals(List.of("a=3", "b=2", "c=1"), firedAfterRestoreOn(new EmbeddedRocksDBStateBackend(), state));
    }

    @Test
    void harnessSnapshotsMoveBetweenBackends() throws Exception {
        assertEquals(List.of("a=3", "b=2", "c=1"),
                firedAfterRestoreOn(new HashMapStateBackend(), countedOn(new EmbeddedRocksDBStateBackend())));
        assertEquals(List.of("a=3", "b=2", "c=1"),
                firedAfterRestoreOn(new EmbeddedRocksDBStateBackend(), countedOn(new HashMapStateBackend())));
    }
}
