package io.weir.testutils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.MapFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.StreamMap;
import io.weir.api.operators.StreamSource;
import io.weir.api.state.CheckpointListener;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.Types;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.KeyGroupAssignment;
import io.weir.runtime.state.KeyGroupRange;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Operator state through CheckpointedFunction, checkpoint notifications and rescaling, on the harnesses. */
class CheckpointedStateHarnessTest {
    /** Passes elements through; remembers the elements since the last completed checkpoint, in list and union state. */
    static final class Remembering implements MapFunction<String, String>, CheckpointedFunction, CheckpointListener {
        final List<String> pending = new ArrayList<>();
        final List<Long> completed = new ArrayList<>();
        transient ListState<String> pendingState;
        transient ListState<String> seenEverywhere;
        boolean restored;

        @Override
        public String map(String value) {
            pending.add(value);
            return value;
        }

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            pendingState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("pending", Types.STRING));
            seenEverywhere = context.getOperatorStateStore().getUnionListState(
                    new ListStateDescriptor<>("seen", Types.STRING));
            restored = context.isRestored();
            for (String value : pendingState.get()) {
                pending.add(value);
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            pendingState.update(pending);
            seenEverywhere.update(List.of("checkpoint " + context.getCheckpointId() + " saw " + pending.size()));
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            completed.add(checkpointId);
            pending.clear();
        }
    }

    private static OneInputStreamOperatorTestHarness<String, String> mapHarness(int parallelism, int subtask) {
        return new OneInputStreamOperatorTestHarness<>(new StreamMap<>(new Remembering()), 128, parallelism, subtask);
    }

    private static Remembering function(OneInputStreamOperatorTestHarness<String, String> harness) {
        return (Remembering) ((StreamMap<?, ?>) harness.getOperator()).getUserFunction();
    }

    private static List<String> list(Iterable<String> values) {
        List<String> list = new ArrayList<>();
        values.forEach(list::add);
        return list;
    }

    @Test
    void aCheckpointedFunctionGetsItsOperatorStateBackInAFreshInstance() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = mapHarness(1, 0)) {
            harness.open();
            assertFalse(function(harness).restored);
            harness.processElement("a", 1);
            harness.processElement("b", 2);
            snapshot = harness.snapshot(1, 100);
            harness.notifyOfCompletedCheckpoint(1);
            assertEquals(List.of(1L), function(harness).completed);
            assertEquals(List.of(), function(harness).pending);
        }
        try (var restored = mapHarness(1, 0)) {
            restored.initializeState(snapshot);
            restored.open();
            assertTrue(function(restored).restored);
            assertEquals(List.of("a", "b"), function(restored).pending);
        }
    }

    @Test
    void listStateIsSplitAndUnionStateSharedWhenTwoSubtasksBecomeThree() throws Exception {
        List<OperatorSubtaskState> snapshots = new ArrayList<>();
        for (int subtask = 0; subtask < 2; subtask++) {
            try (var harness = mapHarness(2, subtask)) {
                harness.open();
                for (int i = 0; i < 3; i++) {
                    harness.processElement(subtask + "-" + i, i);
                }
                snapshots.add(harness.snapshot(4, 100));
            }
        }
        OperatorSubtaskState all = AbstractStreamOperatorTestHarness.repackageState(snapshots.toArray(new OperatorSubtaskState[0]));
        List<String> pendingAfterRestore = new ArrayList<>();
        for (int subtask = 0; subtask < 3; subtask++) {
            try (var harness = mapHarness(3, subtask)) {
                harness.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(all, 128, 2, 3, subtask));
                harness.open();
                Remembering f = function(harness);
                assertEquals(2, f.pending.size(), "six elements split evenly over three subtasks");
                pendingAfterRestore.addAll(f.pending);
                assertEquals(List.of("checkpoint 4 saw 3", "checkpoint 4 saw 3"), list(f.seenEverywhere.get()));
            }
        }
        assertEquals(List.of("0-0", "0-1", "0-2", "1-0", "1-1", "1-2"), pendingAfterRestore);
    }

    /** Counts elements per key. */
    static final class Count extends KeyedProcessFunction<Integer, Integer, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public void processElement(Integer value, Context ctx, Collector<String> out) throws Exception {
            long n = count.value() == null ? 1 : count.value() + 1;
            count.update(n);
            out.collect(value + "#" + n);
        }
    }

    private static final KeySelector<Integer, Integer> IDENTITY = x -> x;

    private static KeyedOneInputStreamOperatorTestHarness<Integer, Integer, String> counter(int parallelism, int subtask) {
        return new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new Count()), IDENTITY,
                Types.INT, 128, parallelism, subtask);
    }

    private static boolean owns(int parallelism, int subtask, int key) {
        KeyGroupRange range = KeyGroupAssignment.rangeForOperator(128, parallelism, subtask);
        return range.contains(KeyGroupAssignment.assignToKeyGroup(key, 128));
    }

    @Test
    void keyedStateFollowsItsKeysFromOneSubtaskToFourAndBackToTwo() throws Exception {
        OperatorSubtaskState single;
        try (var harness = counter(1, 0)) {
            harness.open();
            for (int key = 0; key < 20; key++) {
                harness.processElement(key, 1);
            }
            single = harness.snapshot(1, 1);
        }
        List<OperatorSubtaskState> four = new ArrayList<>();
        TreeSet<Integer> seen = new TreeSet<>();
        for (int subtask = 0; subtask < 4; subtask++) {
            try (var harness = counter(4, subtask)) {
                harness.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(single, 128, 1, 4, subtask));
                harness.open();
                for (int key = 0; key < 20; key++) {
                    if (owns(4, subtask, key)) {
                        harness.processElement(key, 2);
                        assertTrue(seen.add(key));
                    }
                }
                for (String out : harness.extractOutputValues()) {
                    assertTrue(out.endsWith("#2"), "restored count continues: " + out);
                }
                four.add(harness.snapshot(2, 2));
            }
        }
        assertEquals(20, seen.size());
        OperatorSubtaskState all = AbstractStreamOperatorTestHarness.repackageState(four.toArray(new OperatorSubtaskState[0]));
        for (int subtask = 0; subtask < 2; subtask++) {
            try (var harness = counter(2, subtask)) {
                harness.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(all, 128, 4, 2, subtask));
                harness.open();
                for (int key = 0; key < 20; key++) {
                    if (owns(2, subtask, key)) {
                        harness.processElement(key, 3);
                    }
                }
                for (String out : harness.extractOutputValues()) {
                    assertTrue(out.endsWith("#3"), out);
                }
            }
        }
    }

    /** Like {@link Count}, but declares the count as a String. */
    static final class CountAsText extends KeyedProcessFunction<Integer, Integer, String> {
        @Override
        public void open(OpenContext context) {
            getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.STRING));
        }

        @Override
        public void processElement(Integer value, Context ctx, Collector<String> out) {}
    }

    @Test
    void restoringAStateWithAnotherTypeFailsNamingOperatorStateAndBothTypes() throws Exception {
        OperatorSubtaskState snapshot;
        try (var harness = counter(1, 0)) {
            harness.open();
            harness.processElement(1, 1);
            snapshot = harness.snapshot(1, 1);
        }
        var changed = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new CountAsText()), IDENTITY,
                Types.INT);
        changed.initializeState(snapshot);
        IllegalStateException e = assertThrows(IllegalStateException.class, changed::open);
        String message = e.getMessage();
        assertTrue(message.contains("'count'") && message.contains("'KeyedProcessOperator'"), message);
        assertTrue(message.contains("LongSerializer") && message.contains("StringSerializer"), message);
    }

    /** Emits the numbers from its position on, keeping the position under the checkpoint lock. */
    static final class Counter implements SourceFunction<Long>, CheckpointedFunction {
        transient ListState<Long> positionState;
        long position;
        boolean snapshotHeldTheLock;
        transient Object lock;

        @Override
        public void run(SourceContext<Long> ctx) {
            lock = ctx.getCheckpointLock();
            for (int i = 0; i < 3; i++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(position++);
                }
            }
        }

        @Override
        public void cancel() {}

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            positionState = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Types.LONG));
            for (Long p : positionState.get()) {
                position = p;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            snapshotHeldTheLock = Thread.holdsLock(lock);
            positionState.update(List.of(position));
        }
    }

    /** A harness for a source function operator: runs {@code run} on the test's thread. */
    private static final class SourceHarness extends AbstractStreamOperatorTestHarness<Long> {
        SourceHarness(StreamSource<Long, Counter> operator) {
            super(operator, new KeySelector<?, ?>[] {null}, 128, 1, 0);
        }
    }

    @Test
    void aSourceFunctionIsSnapshottedUnderItsCheckpointLockAndContinuesFromItsPosition() throws Exception {
        StreamSource<Long, Counter> source = new StreamSource<>(new Counter());
        OperatorSubtaskState snapshot;
        try (var harness = new SourceHarness(source)) {
            harness.open();
            source.run(new CollectingContext(source.getCheckpointLock()));
            snapshot = harness.snapshot(1, 1);
            assertTrue(source.getUserFunction().snapshotHeldTheLock);
        }
        StreamSource<Long, Counter> restored = new StreamSource<>(new Counter());
        try (var harness = new SourceHarness(restored)) {
            harness.initializeState(snapshot);
            harness.open();
            assertEquals(3, restored.getUserFunction().position);
        }
    }

    private record CollectingContext(Object lock) implements SourceFunction.SourceContext<Long> {
        @Override
        public void collect(Long element) {}

        @Override
        public void collectWithTimestamp(Long element, long timestamp) {}

        @Override
        public void emitWatermark(io.weir.api.operators.Watermark mark) {}

        @Override
        public void markAsTemporarilyIdle() {}

        @Override
        public Object getCheckpointLock() {
            return lock;
        }

        @Override
        public void close() {}
    }
}
