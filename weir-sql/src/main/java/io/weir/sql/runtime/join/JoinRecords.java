package io.weir.sql.runtime.join;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.MapState;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The heap backend's {@link JoinRows} layout. The rows one join input has sent for the current key (a multiset: a row sent twice is there
 * twice), each with how many rows of the other input it joins with (its associations). The
 * count of associations is what an outer join needs to know when a row stops or starts being
 * padded with nulls. Rows are stored as {@code +I} rows; a row's change kind is not part of it.
 *
 * <h2>Layout</h2>
 * All rows of a key live in one {@code byte[]} (a {@link ValueState}), not as {@code Row} objects:
 * a join keeps every row it was sent, and a heap of boxed rows is what the garbage collector
 * spent its time on. The array is {@code [int used bytes]} followed by one entry per row sent:
 * <pre>
 *   int rowLength | long associations | long writtenAt | row bytes
 * </pre>
 * The row bytes are the row's serialized form ({@link io.weir.api.types.serializers.RowSerializer}).
 * Adding appends: the array has room to grow at its end, so adding a row to a key with many is
 * amortized constant (looking for an equal row to count copies would cost a scan of the key's rows
 * per row added, and a key can have thousands: Nexmark q7 joins the bids on their price). A
 * retraction scans for the first entry with the same bytes and removes it.
 * On the heap backend without TTL the array is changed in place (its copy-on-write snapshots copy
 * it first) and written back with {@link ValueState#update} only when it was replaced by a larger
 * one ({@link io.weir.runtime.state.InternalKvState#keepsValueObjects}): a second hash lookup per row saved. Elsewhere
 * (RocksDB, or with TTL) every change is written back.
 *
 * <p>On the heap, a key without an array may have rows restored from a RocksDB snapshot in the
 * {@link MapJoinRecords} layout: they are moved into a new array the first time the key is used.
 *
 * <h2>State TTL</h2>
 * With {@code table.exec.state.ttl}, each row expires on its own, {@code ttl} after it was last
 * written (added, or its associations changed), on the processing-time clock:
 * expired rows are never returned and are dropped at the key's next write. The whole array also
 * carries the backend's TTL (refreshed by every write), so a key nobody writes to any more is
 * cleaned up by the backend; every row in it has expired by then.
 *
 * <h2>Reading</h2>
 * {@link #open} loads the current key's rows, then {@link #next} walks the live ones and
 * {@link #row}, {@link #associations} and {@link #setAssociations} read and change
 * the entry it stands on; {@link #close} writes the changes back. {@link #add} and {@link #remove}
 * may not be called between {@link #open} and {@link #close}.
 *
 * <p>Threading: used by the join's task thread only, like the keyed state behind it.
 */
final class JoinRecords implements JoinRows {

    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final int USED = 0;
    private static final int FIRST_ENTRY = 4;
    private static final int ROW_LENGTH = 0;
    private static final int ASSOCIATIONS = 4;
    private static final int WRITTEN_AT = 12;
    private static final int ENTRY_HEADER = 20;
    private static final byte INSERT = RowKind.INSERT.toByteValue();

    private final ValueState<byte[]> state;
    private final TypeSerializer<Row> serializer;
    private final long ttlMillis;
    /** Whether the state holds the array itself (the heap backend). */
    private final boolean keepsObjects;
    /** Whether changing the array in place changes the state: on the heap, without TTL. */
    private final boolean inPlace;
    /**
     * On the heap: the {@link MapJoinRecords} layout's rows restored from a RocksDB snapshot, moved in on
     * use; null when the job was not restored.
     */
    private final MapState<Row, long[]> mapLayout;
    private final DataOutputSerializer rowBytes = new DataOutputSerializer(128);
    private final DataInputDeserializer rowReader = new DataInputDeserializer();

    // The rows of the current key between open and close, and the entry next() stands on.
    private byte[] data;
    private long now;
    private int entry;
    private int nextEntry;
    private boolean changed;

    JoinRecords(RuntimeContext context, String name, RowTypeInfo rowType, Duration stateTtl) {
        this(context, name, rowType, stateTtl, true);
    }

    /**
     * @param restored whether the job was restored from a snapshot; if not, no key can have rows in
     *     the {@link MapJoinRecords} layout on the heap (only a restore puts them there), so a key
     *     without an array is not looked up there as well
     */
    JoinRecords(RuntimeContext context, String name, RowTypeInfo rowType, Duration stateTtl, boolean restored) {
        ValueStateDescriptor<byte[]> descriptor = new ValueStateDescriptor<>(name,
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        this.state = context.getState(descriptor);
        this.serializer = rowType.createSerializer(new SerializerConfig());
        this.ttlMillis = stateTtl.toMillis();
        this.keepsObjects = JoinRows.keepsObjects(state);
        this.inPlace = ttlMillis == 0 && keepsObjects;
        this.mapLayout = keepsObjects && restored
                ? context.getMapState(MapJoinRecords.descriptor(name, rowType, stateTtl)) : null;
    }

    /** One stored copy of a row: the row ({@code +I}), its associations and when it was last written. */
    record Entry(Row row, long associations, long writtenAt) {
    }

    /** Whether this layout's state holds its array as an object (the heap backend): then it is the layout to use. */
    boolean keepsObjects() {
        return keepsObjects;
    }

    @Override
    public int copies() {
        return 1;
    }

    /**
     * The current key's live rows, removed from this layout's state: for {@link MapJoinRecords}, to
     * move rows restored from a heap snapshot into its map.
     */
    List<Entry> takeAll(long now) throws IOException {
        byte[] rows = state.value();
        if (rows == null) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        this.now = now;
        int used = (int) INT.get(rows, USED);
        for (int at = FIRST_ENTRY; at < used; at += ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH)) {
            if (ttlMillis == 0 || !expiredIn(rows, at)) {
                entries.add(new Entry(read(rows, at), (long) LONG.get(rows, at + ASSOCIATIONS),
                        (long) LONG.get(rows, at + WRITTEN_AT)));
            }
        }
        state.clear();
        return entries;
    }

    /**
     * The current key's array; on the heap, when it has none, first the rows a RocksDB snapshot
     * restored for it in the {@link MapJoinRecords} layout, moved into a new array.
     */
    private byte[] stored() throws IOException {
        byte[] rows = state.value();
        if (rows != null || mapLayout == null) {
            return rows;
        }
        List<Entry> restored;
        try {
            if (mapLayout.isEmpty()) {
                return null;
            }
            restored = MapJoinRecords.entries(mapLayout);
            mapLayout.clear();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("Could not read the join rows restored from a RocksDB snapshot", e);
        }
        for (Entry entry : restored) {
            int length = serialize(entry.row());
            int used = rows == null ? FIRST_ENTRY : (int) INT.get(rows, USED);
            int needed = used + ENTRY_HEADER + length;
            rows = rows == null ? new byte[needed] : Arrays.copyOf(rows, needed);
            INT.set(rows, used + ROW_LENGTH, length);
            LONG.set(rows, used + ASSOCIATIONS, entry.associations());
            LONG.set(rows, used + WRITTEN_AT, entry.writtenAt());
            System.arraycopy(rowBytes.getSharedBuffer(), 0, rows, used + ENTRY_HEADER, length);
            INT.set(rows, USED, needed);
        }
        if (rows != null) {
            state.update(rows);
        }
        return rows;
    }

    /** Loads the current key's rows as of processing time {@code now}; {@link #next} then walks them. */
    @Override
    public void open(long now) throws IOException {
        this.data = stored();
        this.now = now;
        this.entry = -1;
        this.nextEntry = FIRST_ENTRY;
        this.changed = false;
    }

    /** Moves to the next live row; false when there is none. */
    @Override
    public boolean next() {
        if (data == null) {
            return false;
        }
        int used = (int) INT.get(data, USED);
        while (nextEntry < used) {
            int at = nextEntry;
            nextEntry = at + ENTRY_HEADER + (int) INT.get(data, at + ROW_LENGTH);
            if (!expired(at)) {
                entry = at;
                return true;
            }
        }
        return false;
    }

    /** The current entry's row, a fresh {@code +I} row. */
    @Override
    public Row row() {
        return read(entry);
    }

    @Override
    public long associations() {
        return (long) LONG.get(data, entry + ASSOCIATIONS);
    }

    /** Sets the current entry's associations (written back by {@link #close}). */
    @Override
    public void setAssociations(long associations) {
        LONG.set(data, entry + ASSOCIATIONS, associations);
        LONG.set(data, entry + WRITTEN_AT, now);
        changed = true;
    }

    /** Writes back what {@link #setAssociations} changed. */
    @Override
    public void close() throws IOException {
        if (changed && !inPlace) {
            state.update(data);
        }
        data = null;
    }

    /** Adds one copy of {@code row}, which joins with {@code associations} rows of the other input. */
    @Override
    public void add(Row row, long associations, long now) throws IOException {
        byte[] rows = live(now);
        int length = serialize(row);
        int used = rows == null ? FIRST_ENTRY : (int) INT.get(rows, USED);
        int needed = used + ENTRY_HEADER + length;
        boolean replaced = rows == null || rows.length < needed;
        if (replaced) {
            // Room to grow by half again: adding to a key with many rows stays amortized constant.
            int capacity = rows == null ? needed : Math.max(needed, used + (used >> 1));
            rows = rows == null ? new byte[capacity] : Arrays.copyOf(rows, capacity);
        }
        INT.set(rows, used + ROW_LENGTH, length);
        LONG.set(rows, used + ASSOCIATIONS, associations);
        LONG.set(rows, used + WRITTEN_AT, now);
        System.arraycopy(rowBytes.getSharedBuffer(), 0, rows, used + ENTRY_HEADER, length);
        INT.set(rows, USED, needed);
        if (replaced || !inPlace) {
            state.update(rows);
        }
    }

    /** Removes one copy of {@code row}; a row that is not stored (never sent, or expired) is ignored. */
    @Override
    public void remove(Row row, long now) throws IOException {
        byte[] rows = live(now);
        if (rows == null) {
            return;
        }
        int at = find(rows, serialize(row));
        if (at < 0) {
            at = findEqual(rows, row);
        }
        if (at < 0) {
            return;
        }
        cut(rows, at);
        store(rows);
    }

    /** Removes every stored row that {@code expired} accepts. */
    @Override
    public void removeIf(Predicate<Row> expired, long now) throws IOException {
        byte[] rows = live(now);
        if (rows == null) {
            return;
        }
        int at = FIRST_ENTRY;
        while (at < (int) INT.get(rows, USED)) {
            if (expired.test(read(rows, at))) {
                cut(rows, at);
            } else {
                at += ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH);
            }
        }
        store(rows);
    }

    /** The current key's array with the rows expired by {@code now} dropped (not yet written back). */
    private byte[] live(long now) throws IOException {
        byte[] rows = stored();
        if (rows == null || ttlMillis == 0) {
            return rows;
        }
        this.now = now;
        int at = FIRST_ENTRY;
        while (at < (int) INT.get(rows, USED)) {
            if (expiredIn(rows, at)) {
                cut(rows, at);
            } else {
                at += ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH);
            }
        }
        return rows;
    }

    private void store(byte[] rows) throws IOException {
        if ((int) INT.get(rows, USED) == FIRST_ENTRY) {
            state.clear();
        } else if (!inPlace) {
            state.update(rows);
        }
    }

    /** Removes the entry at {@code at}, moving the ones after it up. */
    private static void cut(byte[] rows, int at) {
        int used = (int) INT.get(rows, USED);
        int end = at + ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH);
        System.arraycopy(rows, end, rows, at, used - end);
        INT.set(rows, USED, used - (end - at));
    }

    /** The entry whose row bytes equal the {@code length} bytes in {@link #rowBytes}, or -1. */
    private int find(byte[] rows, int length) {
        byte[] wanted = rowBytes.getSharedBuffer();
        int used = (int) INT.get(rows, USED);
        for (int at = FIRST_ENTRY; at < used; at += ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH)) {
            if ((int) INT.get(rows, at + ROW_LENGTH) == length
                    && Arrays.equals(rows, at + ENTRY_HEADER, at + ENTRY_HEADER + length, wanted, 0, length)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * The entry whose row equals {@code row} though its bytes differ, or -1: rows with a MAP or
     * MULTISET field can be equal with their entries serialized in another order.
     */
    private int findEqual(byte[] rows, Row row) {
        Row wanted = Row.copy(row);
        wanted.setKind(RowKind.INSERT);
        int used = (int) INT.get(rows, USED);
        for (int at = FIRST_ENTRY; at < used; at += ENTRY_HEADER + (int) INT.get(rows, at + ROW_LENGTH)) {
            if (wanted.equals(read(rows, at))) {
                return at;
            }
        }
        return -1;
    }

    /** Serializes {@code row} as a {@code +I} row into {@link #rowBytes}; returns its length. */
    private int serialize(Row row) {
        rowBytes.clear();
        try {
            serializer.serialize(row, rowBytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not serialize a row for the join state: " + row, e);
        }
        rowBytes.getSharedBuffer()[0] = INSERT; // the kind byte comes first
        return rowBytes.length();
    }

    private Row read(int at) {
        return read(data, at);
    }

    private Row read(byte[] rows, int at) {
        rowReader.setBuffer(rows, at + ENTRY_HEADER, (int) INT.get(rows, at + ROW_LENGTH));
        Row row;
        try {
            row = serializer.deserialize(rowReader);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(MISMATCH, e);
        }
        if (rowReader.available() != 0) {
            throw new IllegalStateException(MISMATCH);
        }
        return row;
    }

    /**
     * A stored row of other columns than the join's input has: state restored from a snapshot of
     * another version of the query, or of a Weir build from before the join's inputs were trimmed.
     */
    private static final String MISMATCH = "A row of the join state does not have the columns of this join's input "
            + "(its bytes do not read as that row). The state was restored from a snapshot of a job whose join "
            + "input had other columns: a changed query, or a Weir build from before 2026-12-05, whose regular "
            + "joins kept every column of their inputs (now only the columns the query uses). Start the job "
            + "without that snapshot's state";

    private boolean expired(int at) {
        return ttlMillis > 0 && expiredIn(data, at);
    }

    private boolean expiredIn(byte[] rows, int at) {
        return now - (long) LONG.get(rows, at + WRITTEN_AT) >= ttlMillis;
    }
}
