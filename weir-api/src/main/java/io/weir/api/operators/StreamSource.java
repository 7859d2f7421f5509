package io.weir.api.operators;

import io.weir.api.functions.source.SourceFunction;

/**
 * The operator that runs a {@link SourceFunction} at the head of a source task. The runtime calls
 * {@link #run} on the source's own thread with a context that emits each element through this
 * operator's output on that thread, holding the checkpoint lock. {@code open}, {@code finish} and
 * {@code close} run on the task's thread.
 *
 * <p>Checkpoints: a function that is a {@code CheckpointedFunction} gets {@code initializeState}
 * before {@code run} starts and {@code snapshotState} on the task's thread, which must hold
 * {@link #getCheckpointLock()} (the lock the function's context hands out) while it snapshots, so
 * that the function, changing its fields and emitting under the same lock, is never seen half-way.
 */
public class StreamSource<OUT, SRC extends SourceFunction<OUT>> extends AbstractUdfStreamOperator<OUT, SRC> {
    private static final long serialVersionUID = 1L;

    /** Set in {@link #setup}: operators arrive deserialized, which skips field initializers. */
    private transient Object checkpointLock;

    public StreamSource(SRC sourceFunction) {
        super(sourceFunction);
        setChainingStrategy(ChainingStrategy.HEAD);
    }

    @Override
    public void setup(StreamOperatorParameters<OUT> parameters) {
        super.setup(parameters);
        checkpointLock = new Object();
    }

    /**
     * The lock a checkpoint of the function is taken under: {@code SourceContext.getCheckpointLock()}
     * returns it, and the task holds it while calling {@link #snapshotState(long, long)}.
     */
    public Object getCheckpointLock() {
        return checkpointLock;
    }

    /** Runs the function until it returns; called on the source's thread. */
    public void run(SourceFunction.SourceContext<OUT> ctx) throws Exception {
        try {
            userFunction.run(ctx);
        } finally {
            ctx.close();
        }
    }

    /** Asks the function to stop; called from a thread other than the source's. */
    public void cancel() {
        userFunction.cancel();
    }

    /** The function's input ended: the final watermark completes event time downstream. */
    @Override
    public void finish() throws Exception {
        output.emitWatermark(Watermark.MAX_WATERMARK);
        super.finish();
    }
}
