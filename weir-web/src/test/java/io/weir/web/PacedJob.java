package io.weir.web;

import io.weir.api.checkpoint.CheckpointedFunction;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.functions.sink.DiscardingSink;
import io.weir.api.state.FunctionInitializationContext;
import io.weir.api.state.FunctionSnapshotContext;
import io.weir.api.state.ListState;
import io.weir.api.state.ListStateDescriptor;
import io.weir.api.types.Types;
import io.weir.api.operators.Watermark;
import java.util.List;

/**
 * A job that runs until cancelled, so its numbers keep moving: a checkpointed source (its position
 * in operator state) emits timestamped longs with watermarks, pacing itself to about 10,000 records
 * a second; a map with parallelism 2 behind a rebalance, a keyed running sum, and a discarding sink.
 * Its vertices: the source, {@code Parse}, then {@code Sum -> Discard} chained.
 */
final class PacedJob {
    private PacedJob() {}

    /** @param sourceName the source's name (the XSS test passes markup here) */
    static void build(StreamExecutionEnvironment env, String sourceName) {
        env.addSource(new PacedSource()).name(sourceName).setParallelism(1)
                .rebalance().map(x -> x * 2).returns(Types.LONG).name("Parse").setParallelism(2)
                .keyBy(x -> x % 8).reduce(Long::sum).name("Sum").setParallelism(2)
                .addSink(new DiscardingSink<>()).name("Discard").setParallelism(2);
    }

    /** Emits 0, 1, 2, ... with the value as its timestamp, a watermark every 100 records. */
    static final class PacedSource implements SourceFunction<Long>, CheckpointedFunction {
        private transient ListState<Long> position;
        private long next;
        private volatile boolean running = true;

        @Override
        public void initializeState(FunctionInitializationContext context) throws Exception {
            position = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("position", Types.LONG));
            for (Long p : position.get()) {
                next = p;
            }
        }

        @Override
        public void snapshotState(FunctionSnapshotContext context) throws Exception {
            position.update(List.of(next));
        }

        @Override
        public void run(SourceContext<Long> ctx) throws Exception {
            while (running) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collectWithTimestamp(next, next);
                    if (next % 100 == 0) {
                        ctx.emitWatermark(new Watermark(next));
                    }
                    next++;
                }
                if (next % 10 == 0) {
                    Thread.sleep(1); // pacing, so the job leaves CPU for the test
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }
}
