package io.weir.sql.runtime.rank;

import io.weir.api.functions.Collector;
import io.weir.api.functions.KeyedProcessFunction;
import io.weir.api.functions.OpenContext;
import io.weir.api.state.StateTtlConfig;
import io.weir.api.state.ValueState;
import io.weir.api.state.ValueStateDescriptor;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import java.time.Duration;

/**
 * Keep-first deduplication on processing time, as in Flink: {@code ROW_NUMBER() OVER (PARTITION BY k
 * ORDER BY pt) AS rn ... WHERE rn = 1} where {@code pt} is a {@code PROCTIME()} attribute. The first
 * row of a key to reach the operator is the first in processing-time order and no later row can come
 * before it, so it is emitted at once ({@code +I}, with row number 1) and every later row of the key is
 * dropped: the result is append-only, and the state is one flag per key ({@code table.exec.state.ttl}
 * applies).
 *
 * <p>Threading: called by the task's thread only, like every keyed function.
 */
public final class ProcTimeKeepFirstRowFunction extends KeyedProcessFunction<Row, Row, Row> {

    private static final long serialVersionUID = 1L;

    private final Duration stateTtl;
    private transient ValueState<Boolean> seen;

    /** @param stateTtl {@code table.exec.state.ttl}; zero keeps state forever */
    public ProcTimeKeepFirstRowFunction(Duration stateTtl) {
        this.stateTtl = stateTtl;
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>("first-row-seen",
                BasicTypeInfo.BOOLEAN_TYPE_INFO);
        if (!stateTtl.isZero()) {
            descriptor.enableTimeToLive(StateTtlConfig.newBuilder(stateTtl)
                    .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                    .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                    .build());
        }
        seen = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Row input, Context ctx, Collector<Row> out) throws Exception {
        if (seen.value() != null) {
            return;
        }
        seen.update(Boolean.TRUE);
        Row first = new Row(RowKind.INSERT, input.getArity() + 1);
        for (int i = 0; i < input.getArity(); i++) {
            first.setField(i, input.getField(i));
        }
        first.setField(input.getArity(), 1L);
        out.collect(first);
    }
}
