package io.weir.sql.runtime.join;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedCoProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.MapState;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.ListTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.sql.runtime.CompiledCalc;
import io.weir.sql.runtime.RowProgram;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event-time temporal join ({@code JOIN versioned FOR SYSTEM_TIME AS OF probe.rowtime}): each
 * probe (left) row joins the version of the versioned (right) table's row that was valid at the
 * probe row's time — the latest version whose rowtime is at or before it — as in Flink. Both
 * inputs are keyed by the equi-join key, which holds the versioned table's primary key, so the
 * versions stored for a key are the history of one row.
 * <ul>
 *   <li>A probe row whose key has a null (for {@code =}) joins nothing: it is padded (LEFT) or
 *       dropped at once. Any other probe row waits in state until the watermark (the smaller of both inputs') reaches its
 *       time: then every version up to that time has arrived. It is joined then and forgotten; the
 *       joined row has the probe row's change kind. A LEFT join pads a row without a valid version
 *       (none yet, or deleted) with nulls.</li>
 *   <li>A version ({@code +I}/{@code +U}) is stored under its rowtime; a {@code -D} is stored as
 *       the row's deletion at its rowtime; a {@code -U} is skipped (the {@code +U} after it is the
 *       new version, and its own rowtime is the old version's).</li>
 *   <li>When the watermark passes, only the newest version at or before it is kept (nothing if
 *       that one is a deletion): older ones can no longer be asked for. A probe row later than the
 *       watermark joins the oldest version still kept if it is at or before the row's time.</li>
 * </ul>
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class TemporalJoinFunction extends KeyedCoProcessFunction<Row, Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    /**
     * @param leftTime the probe row's rowtime field; {@code rightTime} the version's
     * @param nullRejectingKeys which key positions are {@code =} (a null there joins nothing), not
     *     {@code IS NOT DISTINCT FROM}
     * @param residualClass generated check of the condition left after the equi-keys on the joined row, or null
     */
    public record Spec(boolean leftOuter, RowTypeInfo leftType, RowTypeInfo rightType, int leftTime, int rightTime,
            boolean[] nullRejectingKeys, String residualClass, String residualSource) implements Serializable {
    }

    private final Spec spec;
    private transient RowProgram residual;
    /** Probe rows waiting for the watermark, by their time. */
    private transient MapState<Long, List<Row>> probes;
    /** The versioned row's versions by their time: the row as of then, or its deletion ({@code -D}). */
    private transient MapState<Long, Row> versions;

    public TemporalJoinFunction(Spec spec) {
        this.spec = spec;
    }

    @Override
    public void open(OpenContext openContext) {
        residual = spec.residualClass() == null ? null : CompiledCalc.compile(spec.residualClass(), spec.residualSource());
        probes = getRuntimeContext().getMapState(new MapStateDescriptor<>("probe-rows", BasicTypeInfo.LONG_TYPE_INFO,
                new ListTypeInfo<>(spec.leftType())));
        versions = getRuntimeContext().getMapState(new MapStateDescriptor<>("versions", BasicTypeInfo.LONG_TYPE_INFO,
                spec.rightType()));
    }

    @Override
    public void processElement1(Row row, Context ctx, Collector<Row> out) throws Exception {
        Long time = millis(row.getField(spec.leftTime()));
        if (time == null || hasRejectedNull(ctx.getCurrentKey())) {
            join(row, null, out); // no version is valid for it: dropped, or padded at once by a LEFT join
            return;
        }
        List<Row> waiting = probes.get(time);
        List<Row> updated = waiting == null ? new ArrayList<>() : new ArrayList<>(waiting);
        updated.add(row);
        probes.put(time, updated);
        ctx.timerService().registerEventTimeTimer(time);
    }

    @Override
    public void processElement2(Row row, Context ctx, Collector<Row> out) throws Exception {
        Long time = millis(row.getField(spec.rightTime()));
        if (time == null || row.getKind() == RowKind.UPDATE_BEFORE || hasRejectedNull(ctx.getCurrentKey())) {
            return; // not a version any probe row can join
        }
        versions.put(time, row);
        ctx.timerService().registerEventTimeTimer(time); // to drop the versions this one replaces
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Row> out) throws Exception {
        long watermark = ctx.timerService().currentWatermark();
        TreeMap<Long, Row> history = new TreeMap<>();
        for (Map.Entry<Long, Row> version : versions.entries()) {
            history.put(version.getKey(), version.getValue());
        }
        TreeMap<Long, List<Row>> due = new TreeMap<>();
        for (Map.Entry<Long, List<Row>> waiting : probes.entries()) {
            if (waiting.getKey() <= watermark) {
                due.put(waiting.getKey(), waiting.getValue());
            }
        }
        for (Map.Entry<Long, List<Row>> probe : due.entrySet()) {
            Map.Entry<Long, Row> valid = history.floorEntry(probe.getKey());
            Row version = valid == null || valid.getValue().getKind() == RowKind.DELETE ? null : valid.getValue();
            for (Row row : probe.getValue()) {
                join(row, version, out);
            }
            probes.remove(probe.getKey());
        }
        dropReplacedVersions(history, watermark);
    }

    private boolean hasRejectedNull(Row key) {
        return JoinedRows.hasRejectedNull(spec.nullRejectingKeys(), key);
    }

    private void join(Row probe, Row version, Collector<Row> out) {
        if (version != null) {
            Row joined = joined(probe, version);
            if (residual == null || residual.apply(joined) != null) {
                out.collect(joined);
                return;
            }
        }
        if (spec.leftOuter()) {
            out.collect(joined(probe, null));
        }
    }

    /** Keeps the newest version at or before the watermark (unless it is a deletion) and the later ones. */
    private void dropReplacedVersions(TreeMap<Long, Row> history, long watermark) throws Exception {
        Map.Entry<Long, Row> current = history.floorEntry(watermark);
        if (current == null) {
            return;
        }
        for (Long time : history.headMap(current.getKey(), false).keySet()) {
            versions.remove(time);
        }
        if (current.getValue().getKind() == RowKind.DELETE) {
            versions.remove(current.getKey());
        }
    }

    private Row joined(Row left, Row right) {
        return JoinedRows.joined(left.getKind(), left, spec.leftType().getArity(), right, spec.rightType().getArity());
    }

    /** A rowtime field's value (TIMESTAMP(3)) as epoch milliseconds, the watermark's unit. */
    private static Long millis(Object time) {
        if (time == null) {
            return null;
        }
        return WindowTableFunction.rowtimeMillis(time);
    }
}
