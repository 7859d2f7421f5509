package io.weir.bench.jmh;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.Collector;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.KeyedProcessOperator;
import io.weir.api.operators.Output;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.task.RuntimeOperatorContext;
import io.weir.runtime.task.SubtaskInfo;
import io.weir.sql.runtime.agg.Accumulators;
import io.weir.sql.runtime.agg.BoundAggregate;
import io.weir.sql.runtime.agg.CountSlot;
import io.weir.sql.runtime.agg.GroupAggregateFunction;
import io.weir.sql.runtime.agg.KeyProjection;
import io.weir.sql.runtime.agg.NumericType;
import io.weir.sql.runtime.agg.SumSlot;
import io.weir.sql.runtime.window.WindowAggregateFunction;
import io.weir.sql.runtime.window.WindowTableFunction;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
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
 * The SQL aggregate operators on the heap backend, one subtask owning all 128 key groups, in the
 * shape of {@link WindowOperatorBenchmark} so the two compare: per operation one row
 * {@code (k BIGINT, v BIGINT, ts TIMESTAMP(3))} (key cycling over 1,000 keys, ts rising by 1 ms) goes
 * through {@code COUNT(*), SUM(v)}:
 * <ul>
 *   <li>group: a group aggregate keyed by k (an updating changelog: -U/+U per row);</li>
 *   <li>tumbling / sliding: the TUMBLE (1 s) or HOP (1 s every 250 ms: 4 windows per row) table
 *       function, then the window aggregate keyed by (k, window_start, window_end), a watermark
 *       every 1,000 rows firing and freeing the windows it passed.</li>
 * </ul>
 * The figure is the cost per input row, window assignment, key extraction, firing and cleanup included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SqlAggregateBenchmark {
    private static final int KEYS = 1_000;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2024, 1, 1, 0, 0);

    @Param({"group", "tumbling", "sliding"})
    public String aggregate;

    private KeyedProcessOperator<Row, Row, Row> operator;
    private HeapKeyedStateBackend<Row> backend;
    private KeySelector<Row, Row> keys;
    private WindowTableFunction windows;
    private final Collector<Row> toOperator = new Collector<>() {
        @Override
        public void collect(Row row) {
            process(row);
        }

        @Override
        public void close() {}
    };
    private final StreamRecord<Row> record = new StreamRecord<>(null);
    private long time;
    private long emitted;

    @Setup
    public void setUp() throws Exception {
        Accumulators accumulators = new Accumulators(List.of(
                new BoundAggregate(new CountSlot(), -1, -1, false, null),
                new BoundAggregate(new SumSlot(NumericType.BIGINT, NumericType.BIGINT, 0, false), 1, -1, false,
                        BasicTypeInfo.LONG_TYPE_INFO)));
        if (aggregate.equals("group")) {
            keys = new KeyProjection(new int[] {0});
            operator = new KeyedProcessOperator<>(new GroupAggregateFunction(accumulators, Duration.ZERO));
        } else {
            windows = aggregate.equals("tumbling") ? new WindowTableFunction(WindowTableFunction.Kind.TUMBLE, 2, 1_000, 1_000)
                    : new WindowTableFunction(WindowTableFunction.Kind.HOP, 2, 1_000, 250);
            keys = new KeyProjection(new int[] {0, 3, 4}); // k, window_start, window_end
            operator = new KeyedProcessOperator<>(new WindowAggregateFunction(accumulators, 2, 0));
        }
        ExecutionConfig config = new ExecutionConfig();
        backend = new HeapKeyedStateBackend<>("sql-aggregate", 0, 128, new KeyGroupRange(0, 127),
                config.getSerializerConfig(), null);
        RuntimeOperatorContext context = new RuntimeOperatorContext("sql-aggregate",
                new SubtaskInfo("sql-aggregate", 0, 1, 128, 0), config, getClass().getClassLoader(),
                new KeySelector<?, ?>[] {keys}, backend, null, new FixedClock());
        operator.setup(new StreamOperatorParameters<>(new CountingOutput(), context));
        operator.open();
    }

    @Benchmark
    public long processRow() throws Exception {
        Row row = Row.of((time % KEYS) * 7_919, 1L, WindowTableFunction.toTimestamp(
                WindowTableFunction.toMillis(EPOCH) + time));
        if (windows == null) {
            process(row);
        } else {
            windows.flatMap(row, toOperator);
        }
        if (++time % 1_000 == 0 && windows != null) {
            operator.processWatermark(new Watermark(WindowTableFunction.toMillis(EPOCH) + time - 1_001));
        }
        return emitted;
    }

    private void process(Row row) {
        try {
            backend.setCurrentKey(keys.getKey(row));
            record.replace(row, time);
            operator.processElement(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final class CountingOutput implements Output<StreamRecord<Row>> {
        @Override
        public void collect(StreamRecord<Row> out) {
            emitted++;
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> out) {}

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void emitWatermarkStatus(WatermarkStatus watermarkStatus) {}

        @Override
        public void close() {}
    }

    /** Event-time benchmark: the clock is never read for firing. */
    private static final class FixedClock implements ProcessingTimeService {
        @Override
        public long getCurrentProcessingTime() {
            return 0;
        }

        @Override
        public void registerTimer(long time, ProcessingTimeCallback callback) {
            throw new UnsupportedOperationException("event-time benchmark");
        }
    }
}
