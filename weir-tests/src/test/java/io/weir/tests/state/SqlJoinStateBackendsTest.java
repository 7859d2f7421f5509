package io.weir.tests.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.api.configuration.Configuration;
import io.weir.api.operators.KeyedCoProcessOperator;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.state.HashMapStateBackend;
import io.weir.runtime.state.StateBackend;
import io.weir.sql.runtime.join.JoinKeyProjection;
import io.weir.sql.runtime.join.JoinSpec;
import io.weir.sql.runtime.join.StreamingJoinFunction;
import io.weir.statebackend.rocksdb.EmbeddedRocksDBStateBackend;
import io.weir.statebackend.rocksdb.RocksDBOptions;
import io.weir.testutils.KeyedTwoInputStreamOperatorTestHarness;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL join's state (on the heap one byte array of serialized rows per key, changed in place; on
 * RocksDB one map entry per distinct row with its copies and partner count) gives the same changelog
 * on the heap and on RocksDB, and across a snapshot taken on one backend and restored on the other
 * (each layout moves the other's rows of a key into its own on first use): a full outer join of
 * {@code (k INT, v STRING)} rows with duplicates, retractions, partner counts changing and per-row
 * state TTL.
 */
@Timeout(60)
class SqlJoinStateBackendsTest {

    private static final RowTypeInfo SIDE = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO);
    private static final RowTypeInfo KEY = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO);

    @TempDir
    Path temporary;

    private KeyedTwoInputStreamOperatorTestHarness<Row, Row, Row, Row> join(StateBackend backend) throws Exception {
        return join(backend, SIDE);
    }

    private KeyedTwoInputStreamOperatorTestHarness<Row, Row, Row, Row> join(StateBackend backend, RowTypeInfo side)
            throws Exception {
        JoinSpec spec = new JoinSpec(true, true, side, side, new boolean[] {true}, null, null, Duration.ofSeconds(10), null);
        JoinKeyProjection key = new JoinKeyProjection(new int[] {0}, new JoinKeyProjection.Widening[] {
                JoinKeyProjection.Widening.NONE});
        var harness = new KeyedTwoInputStreamOperatorTestHarness<>(
                new KeyedCoProcessOperator<>(new StreamingJoinFunction(spec)), key, key, KEY);
        Configuration config = new Configuration();
        config.set(RocksDBOptions.LOCAL_DIRECTORIES, temporary.toString());
        harness.setStateBackend(backend, config);
        return harness;
    }

    /** The first half of the input, then a snapshot; returns the output so far and the snapshot. */
    private OperatorSubtaskState firstHalf(StateBackend backend, List<Row> output) throws Exception {
        try (var harness = join(backend)) {
            harness.open();
            harness.setProcessingTime(0);
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement1(Row.of(1, "a"), 0);
            harness.processElement2(Row.of(1, "x"), 0);
            harness.setProcessingTime(6_000);
            harness.processElement1(Row.of(2, "b"), 0);
            harness.processElement2(Row.of(2, "y"), 0);
            harness.processElement2(Row.ofKind(RowKind.DELETE, 2, "y"), 0);
            harness.processElement1(Row.ofKind(RowKind.UPDATE_BEFORE, 1, "a"), 0);
            harness.processElement1(Row.ofKind(RowKind.UPDATE_AFTER, 1, "c"), 0);
            output.addAll(harness.extractOutputValues());
            return harness.snapshot(1, 0);
        }
    }

    private List<Row> secondHalf(StateBackend backend, OperatorSubtaskState snapshot) throws Exception {
        try (var harness = join(backend)) {
            harness.initializeState(snapshot);
            harness.open();
            harness.setProcessingTime(12_000); // written at 0 ("a", "x" on key 1): expired; at 6 s: kept
            harness.processElement2(Row.of(1, "z"), 0);
            harness.processElement2(Row.of(2, "w"), 0);
            harness.processElement1(Row.ofKind(RowKind.DELETE, 2, "b"), 0);
            return harness.extractOutputValues();
        }
    }

    private List<Row> run(StateBackend first, StateBackend second) throws Exception {
        List<Row> output = new ArrayList<>();
        OperatorSubtaskState snapshot = firstHalf(first, output);
        output.addAll(secondHalf(second, snapshot));
        return output;
    }

    /** Many rows and copies on one key, partners coming and going, a snapshot in the middle. */
    private List<String> manyRows(StateBackend first, StateBackend second) throws Exception {
        List<Row> output = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (var harness = join(first)) {
            harness.open();
            harness.setProcessingTime(0);
            for (int i = 0; i < 120; i++) {
                harness.processElement1(Row.of(7, "v" + (i % 60)), 0); // 60 rows, two copies each
            }
            harness.processElement2(Row.of(7, "x"), 0);
            for (int i = 0; i < 60; i += 3) {
                harness.processElement1(Row.ofKind(RowKind.DELETE, 7, "v" + i), 0); // one copy goes
            }
            harness.processElement2(Row.of(7, "y"), 0);
            output.addAll(harness.extractOutputValues());
            snapshot = harness.snapshot(1, 0);
        }
        try (var harness = join(second)) {
            harness.initializeState(snapshot);
            harness.open();
            harness.setProcessingTime(1_000);
            harness.processElement2(Row.ofKind(RowKind.DELETE, 7, "x"), 0);
            for (int i = 0; i < 60; i += 2) {
                harness.processElement1(Row.ofKind(RowKind.DELETE, 7, "v" + i), 0);
            }
            harness.processElement2(Row.ofKind(RowKind.DELETE, 7, "y"), 0); // rows left get padded
            harness.processElement1(Row.of(7, "v1"), 0);
            output.addAll(harness.extractOutputValues());
        }
        // RocksDB walks a key's rows in byte order, the heap in arrival order: compare as multisets
        return output.stream().map(row -> row.getKind() + row.toString()).sorted().toList();
    }

    /** The bytes a snapshot holds per state name, for the states that hold any. */
    private java.util.Map<String, Long> stateBytes(StateBackend backend) throws Exception {
        try (var harness = join(backend)) {
            harness.open();
            for (int i = 0; i < 10; i++) {
                harness.processElement1(Row.of(1, "v" + i), 0);
            }
            java.util.Map<String, Long> bytes = new java.util.TreeMap<>();
            for (var entry : io.weir.runtime.state.KeyedStateSummary.of(harness.snapshot(1, 0).keyedState())) {
                if (entry.bytes() > 0) {
                    bytes.merge(entry.name(), entry.bytes(), Long::sum);
                }
            }
            return bytes;
        }
    }

    @Test
    void theHeapKeepsAnArrayPerKeyAndRocksDbAnEntryPerRow() throws Exception {
        assertEquals(java.util.Set.of("left-rows"), stateBytes(new HashMapStateBackend()).keySet());
        assertEquals(java.util.Set.of("left-rows-by-row"), stateBytes(new EmbeddedRocksDBStateBackend()).keySet());
    }

    @Test
    void manyRowsOfOneKeyGiveTheSameChangesOnEveryBackend() throws Exception {
        List<String> heap = manyRows(new HashMapStateBackend(), new HashMapStateBackend());
        // padded rows in and out, joined rows added and retracted per copy: hundreds of changes
        org.junit.jupiter.api.Assertions.assertTrue(heap.size() > 500, "only " + heap.size() + " changes");
        assertEquals(heap, manyRows(new EmbeddedRocksDBStateBackend(), new EmbeddedRocksDBStateBackend()));
        assertEquals(heap, manyRows(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend()));
        assertEquals(heap, manyRows(new EmbeddedRocksDBStateBackend(), new HashMapStateBackend()));
    }

    @Test
    void rocksDbGivesTheHeapsChangelogAlsoAcrossASnapshot() throws Exception {
        List<Row> heap = run(new HashMapStateBackend(), new HashMapStateBackend());
        // after the restore: on key 1 only "c" is left ("a" expired; "x" was written at 6 s when its
        // partner count changed), on key 2 "b" gets and loses a partner, and "w" is padded when "b" goes
        assertEquals(List.of(Row.of(1, "c", 1, "z"),
                Row.ofKind(RowKind.DELETE, 2, "b", null, null), Row.of(2, "b", 2, "w"),
                Row.ofKind(RowKind.DELETE, 2, "b", 2, "w"), Row.of(null, null, 2, "w")),
                heap.subList(heap.size() - 5, heap.size()));
        assertEquals(heap, run(new EmbeddedRocksDBStateBackend(), new EmbeddedRocksDBStateBackend()));
        assertEquals(heap, run(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend()));
        assertEquals(heap, run(new EmbeddedRocksDBStateBackend(), new HashMapStateBackend()));
    }

    /**
     * A snapshot of a join whose inputs had other columns (a changed query, or a build that kept every
     * column) is refused on every backend, never read as rows of the new columns.
     */
    @Test
    void joinStateOfWiderInputRowsIsRefusedOnEveryBackend() throws Exception {
        RowTypeInfo wide = new RowTypeInfo(BasicTypeInfo.INT_TYPE_INFO, BasicTypeInfo.STRING_TYPE_INFO,
                BasicTypeInfo.STRING_TYPE_INFO);
        for (StateBackend first : List.of(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend())) {
            for (StateBackend second : List.of(new HashMapStateBackend(), new EmbeddedRocksDBStateBackend())) {
                OperatorSubtaskState snapshot;
                try (var harness = join(first, wide)) {
                    harness.open();
                    harness.processElement1(Row.of(1, "a", "extra"), 0);
                    snapshot = harness.snapshot(1, 0);
                }
                Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> {
                    try (var harness = join(second)) {
                        harness.initializeState(snapshot);
                        harness.open();
                        harness.processElement2(Row.of(1, "x"), 0);
                        harness.extractOutputValues();
                    }
                }, () -> first.getClass().getSimpleName() + " -> " + second.getClass().getSimpleName());
                StringBuilder messages = new StringBuilder();
                for (Throwable t = e; t != null; t = t.getCause()) {
                    messages.append(t.getMessage()).append('\n');
                }
                String text = messages.toString();
                org.junit.jupiter.api.Assertions.assertTrue(text.contains("does not have the columns of this join's input")
                        || text.contains("the map key serializer now (RowSerializer[IntSerializer, StringSerializer])"
                        + " cannot read what the old one (RowSerializer[IntSerializer, StringSerializer, StringSerializer"), first.getClass().getSimpleName() + " -> "
                        + second.getClass().getSimpleName() + ": " + text);
            }
        }
    }
}
