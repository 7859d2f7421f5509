package anchor.suite;

import org.apache.flink.streaming.api.functions.source.legacy.RichParallelSourceFunction;

/** Emits the longs {@code 0 .. count - 1}, each under the checkpoint lock (Weir's {@code LongSource}). */
public class LongSource extends RichParallelSourceFunction<Long> {
    private static final long serialVersionUID = 1L;
    private final long count;
    private volatile boolean running = true;

    public LongSource(long count) {
        this.count = count;
    }

    @Override
    public void run(SourceContext<Long> ctx) throws Exception {
        for (long i = 0; running && i < count; i++) {
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(i);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
