package io.weir.sql.runtime.join;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.types.PrimitiveArrayTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The {@link JoinRows} layout for backends that serialize state (RocksDB): a {@link MapState} from
 * each distinct row (as {@code +I}) to {@code long[] {copies, associations, writtenAt}}, so adding or
 * retracting a row reads and writes one small entry instead of rewriting every row of its key (as
 * Flink's join keeps rows without a unique key, counted).
 *
 * <h2>State TTL</h2>
 * With {@code table.exec.state.ttl} a row expires {@code ttl} after it was last added or its
 * associations changed ({@code writtenAt}, processing time): expired rows are never returned and
 * are dropped when the key is next used. Copies of a row share the time of the latest. The map also
 * carries the backend's TTL, refreshed by every write and so never earlier than a row's own: it
 * cleans up keys nobody uses any more.
 *
 * <p>Rows of a key restored from a heap snapshot (the {@link JoinRecords} array) are moved into the
 * map the first time the key is used.
 *
 * <p>Threading: used by the join's task thread only, like the keyed state behind it.
 */
final class MapJoinRecords implements JoinRows {

    private static final int COPIES = 0;
    private static final int ASSOCIATIONS = 1;
    private static final int WRITTEN_AT = 2;

    private final MapState<Row, long[]> rows;
    private final JoinRecords arrayLayout;
    private final long ttlMillis;

    // The live rows of the current key between open and close, and the one next() stands on.
    private final List<Row> openRows = new ArrayList<>();
    private final List<long[]> openCounts = new ArrayList<>();
    private long now;
    private int current;

    MapJoinRecords(RuntimeContext context, String name, RowTypeInfo rowType, Duration stateTtl,
            JoinRecords arrayLayout) {
        this.rows = context.getMapState(descriptor(name, rowType, stateTtl));
        this.arrayLayout = arrayLayout;
        this.ttlMillis = stateTtl.toMillis();
    }

    /** The map of a join input called {@code name}: each distinct row to {@code {copies, associations, writtenAt}}. */
    static MapStateDescriptor<Row, long[]> descriptor(String name, RowTypeInfo rowType, Duration stateTtl) {
        MapStateDescriptor<Row, long[]> descriptor = new MapStateDescriptor<>(name + "-by-row", rowType,
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO);
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        return descriptor;
    }

    /** Each stored copy of the current key's rows with its associations and time, as +I rows; the map is left as it is. */
    static List<JoinRecords.Entry> entries(MapState<Row, long[]> rows) throws Exception {
        List<JoinRecords.Entry> entries = new ArrayList<>();
        for (Map.Entry<Row, long[]> entry : rows.entries()) {
            long[] counts = entry.getValue();
            for (long i = 0; i < counts[COPIES]; i++) {
                entries.add(new JoinRecords.Entry(entry.getKey(), counts[ASSOCIATIONS], counts[WRITTEN_AT]));
            }
        }
        return entries;
    }

    @Override
    public void open(long now) throws Exception {
        moveArrayRows(now);
        this.now = now;
        openRows.clear();
        openCounts.clear();
        List<Row> expired = null;
        for (Map.Entry<Row, long[]> entry : rows.entries()) {
            if (expired(entry.getValue())) {
                expired = expired == null ? new ArrayList<>() : expired;
                expired.add(entry.getKey());
            } else {
                openRows.add(entry.getKey());
                openCounts.add(entry.getValue());
            }
        }
        if (expired != null) {
            for (Row row : expired) {
                rows.remove(row);
            }
        }
        current = -1;
    }

    @Override
    public boolean next() {
        current++;
        return current < openRows.size();
    }

    @Override
    public Row row() {
        return openRows.get(current);
    }

    @Override
    public int copies() {
        return (int) openCounts.get(current)[COPIES];
    }

    @Override
    public long associations() {
        return openCounts.get(current)[ASSOCIATIONS];
    }

    @Override
    public void setAssociations(long associations) throws Exception {
        long[] counts = openCounts.get(current);
        counts[ASSOCIATIONS] = associations;
        counts[WRITTEN_AT] = now;
        rows.put(openRows.get(current), counts); // the rows were read before: no iterator to disturb
    }

    @Override
    public void close() {
        openRows.clear();
        openCounts.clear();
    }

    @Override
    public void add(Row row, long associations, long now) throws Exception {
        moveArrayRows(now);
        this.now = now;
        Row key = asInsert(row);
        long[] counts = rows.get(key);
        if (counts == null || expired(counts)) {
            counts = new long[] {1, associations, now};
        } else {
            counts[COPIES]++;
            counts[ASSOCIATIONS] = associations;
            counts[WRITTEN_AT] = now;
        }
        rows.put(key, counts);
    }

    @Override
    public void remove(Row row, long now) throws Exception {
        moveArrayRows(now);
        this.now = now;
        Row key = asInsert(row);
        long[] counts = rows.get(key);
        if (counts == null) {
            return;
        }
        if (counts[COPIES] <= 1 || expired(counts)) {
            rows.remove(key);
        } else {
            counts[COPIES]--;
            rows.put(key, counts);
        }
    }

    @Override
    public void removeIf(Predicate<Row> expired, long now) throws Exception {
        moveArrayRows(now);
        List<Row> removed = new ArrayList<>();
        for (Map.Entry<Row, long[]> entry : rows.entries()) {
            if (expired.test(entry.getKey())) {
                removed.add(entry.getKey());
            }
        }
        for (Row row : removed) {
            rows.remove(row);
        }
    }

    /** Moves the current key's rows restored in the array layout (from a heap snapshot) into the map. */
    private void moveArrayRows(long now) throws Exception {
        List<JoinRecords.Entry> restored = arrayLayout.takeAll(now);
        for (JoinRecords.Entry entry : restored) {
            long[] counts = rows.get(entry.row());
            if (counts == null) {
                counts = new long[] {1, entry.associations(), entry.writtenAt()};
            } else {
                counts[COPIES]++;
                counts[WRITTEN_AT] = Math.max(counts[WRITTEN_AT], entry.writtenAt());
            }
            rows.put(entry.row(), counts);
        }
    }

    private boolean expired(long[] counts) {
        return ttlMillis > 0 && now - counts[WRITTEN_AT] >= ttlMillis;
    }

    private static Row asInsert(Row row) {
        if (row.getKind() == RowKind.INSERT) {
            return row;
        }
        Row copy = Row.copy(row);
        copy.setKind(RowKind.INSERT);
        return copy;
    }
}
