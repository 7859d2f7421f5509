package io.weir.bench.jmh;

import io.weir.api.environment.ExecutionConfig;
import io.weir.api.functions.KeySelector;
import io.weir.api.functions.OutputTag;
import io.weir.api.operators.Output;
import io.weir.api.operators.ProcessingTimeCallback;
import io.weir.api.operators.ProcessingTimeService;
import io.weir.api.operators.StreamOperatorParameters;
import io.weir.api.operators.StreamRecord;
import io.weir.api.operators.Watermark;
import io.weir.api.operators.WatermarkStatus;
import io.weir.api.operators.windowing.WindowOperatorBuilder;
import io.weir.api.tuple.Tuple2;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.api.windowing.assigners.EventTimeSessionWindows;
import io.weir.api.windowing.assigners.SlidingEventTimeWindows;
import io.weir.api.windowing.assigners.TumblingEventTimeWindows;
import io.weir.api.windowing.assigners.WindowAssigner;
import io.weir.api.windowing.windows.TimeWindow;
import io.weir.runtime.operators.BuiltInOperators;
import io.weir.runtime.operators.windowing.WindowOperator;
import io.weir.runtime.state.HeapKeyedStateBackend;
import io.weir.runtime.state.KeyGroupRange;
import io.weir.runtime.task.RuntimeOperatorContext;
import io.weir.runtime.task.SubtaskInfo;
import java.time.Duration;
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
 * The event-time window operator on the heap backend, one subtask owning all 128 key groups: per
 * operation one element (key cycling over 1,000 keys, timestamps rising by 1 ms) is reduced into
 * its windows; every 1,000 elements a watermark fires and cleans up the windows it passed. The
 * figure is the cost per element, firing and cleanup included.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class WindowOperatorBenchmark {
    private static final int KEYS = 1_000;
    private static final TypeInformation<Tuple2<Long, Long>> TYPE = Types.TUPLE(Types.LONG, Types.LONG);

    /**
     * tumbling: 1 s windows; sliding: 1 s every 250 ms (4 windows per element); session: 2 s gap, so
     * that each element (one per key per second) extends its key's session: a merge per element, no firing.
     */
    @Param({"tumbling", "sliding", "session"})
    public String windows;

    private WindowOperator<Long, Tuple2<Long, Long>, ?, Tuple2<Long, Long>, TimeWindow> operator;
    private HeapKeyedStateBackend<Long> backend;
    private Tuple2<Long, Long>[] elements;
    private StreamRecord<Tuple2<Long, Long>> record;
    private long time;
    private long emitted;

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws Exception {
        WindowAssigner<Object, TimeWindow> assigner = switch (windows) {
            case "tumbling" -> TumblingEventTimeWindows.of(Duration.ofSeconds(1));
            case "sliding" -> SlidingEventTimeWindows.of(Duration.ofSeconds(1), Duration.ofMillis(250));
            case "session" -> EventTimeSessionWindows.withGap(Duration.ofSeconds(2));
            default -> throw new IllegalArgumentException(windows);
        };
        ExecutionConfig config = new ExecutionConfig();
        operator = BuiltInOperators.window(new WindowOperatorBuilder<Tuple2<Long, Long>, Long, TimeWindow>(assigner,
                assigner.getDefaultTrigger(), config, TYPE).reduce((a, b) -> Tuple2.of(a.f0, a.f1 + b.f1)));
        backend = new HeapKeyedStateBackend<>("window", 0, 128, new KeyGroupRange(0, 127),
                config.getSerializerConfig(), null);
        RuntimeOperatorContext context = new RuntimeOperatorContext("window", new SubtaskInfo("window", 0, 1, 128, 0),
                config, getClass().getClassLoader(), new KeySelector<?, ?>[] {(KeySelector<Tuple2<Long, Long>, Long>) t -> t.f0},
                backend, null, new FixedClock());
        operator.setup(new StreamOperatorParameters<>(new CountingOutput(), context));
        operator.open();
        elements = new Tuple2[KEYS];
        for (int i = 0; i < KEYS; i++) {
            elements[i] = Tuple2.of((long) i * 7_919, 1L);
        }
        record = new StreamRecord<>(null);
    }

    @Benchmark
    public long processElement() throws Exception {
        Tuple2<Long, Long> element = elements[(int) (time % KEYS)];
        backend.setCurrentKey(element.f0);
        record.replace(element, time);
        operator.processElement(record);
        if (++time % 1_000 == 0) {
            operator.processWatermark(new Watermark(time - 1_001));
        }
        return emitted;
    }

    private final class CountingOutput implements Output<StreamRecord<Tuple2<Long, Long>>> {
        @Override
        public void collect(StreamRecord<Tuple2<Long, Long>> record) {
            emitted++;
        }

        @Override
        public <X> void collect(OutputTag<X> outputTag, StreamRecord<X> record) {}

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
