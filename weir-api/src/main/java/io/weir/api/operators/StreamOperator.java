package io.weir.api.operators;

import io.weir.api.state.CheckpointListener;
import java.io.Serializable;

/**
 * An operator of a job: it processes elements and emits results to its {@link Output}. Each
 * parallel subtask gets its own copy.
 *
 * <h2>Life cycle</h2>
 * {@link #setup} once, then {@link #initializeState} once (state restored from a checkpoint is
 * there already), then {@link #open} once, then elements and watermarks, then {@link #finish}
 * once when all input has ended (not on cancellation), then {@link #close} always, also after a
 * failure.
 *
 * <h2>Threading</h2>
 * Every method is called from the one thread of the task that runs the operator; an operator never
 * needs locks.
 */
public interface StreamOperator<OUT> extends CheckpointListener, Serializable {
    void setup(StreamOperatorParameters<OUT> parameters);

    /**
     * Registers the operator's state, after {@link #setup} and before {@link #open}. When the task
     * was restored, the context's state backends already hold the restored state, and
     * {@code getOperatorContext().getRestoredCheckpointId()} says from which checkpoint.
     */
    void initializeState() throws Exception;

    /**
     * Checkpoint {@code checkpointId} is taken now, between two elements: the operator writes into
     * its state backends what it keeps elsewhere (in fields, in flight); the runtime then copies the
     * backends. Called on the task's thread, after {@link #open} and before {@link #finish}.
     */
    void snapshotState(long checkpointId, long timestamp) throws Exception;

    /**
     * Checkpoint {@code checkpointId} is about to be taken and its barrier is not sent downstream
     * yet: what the operator emits now reaches the next operators before the barrier, so it belongs
     * to the checkpoint (a writer hands its files to a committer this way). Called on the task's
     * thread, before {@link #snapshotState}, operators of a chain head first; not after the input ended.
     */
    default void prepareSnapshotPreBarrier(long checkpointId) throws Exception {}

    void open() throws Exception;

    /** All input has ended: emit what is buffered. Not called when the task is cancelled or fails. */
    void finish() throws Exception;

    /** Releases resources; called after {@link #finish}, and also after a failure or cancellation. */
    void close() throws Exception;

    /**
     * Called with each element of the (first) input before it is processed so that keyed state is
     * scoped to its key; a {@link OneInputStreamOperator} is called through its
     * {@link Input#setKeyContextElement}, which leads here.
     */
    void setKeyContextElement1(StreamRecord<?> record) throws Exception;

    /** Called with each element of a second input before it is processed, see {@link #setKeyContextElement1}. */
    void setKeyContextElement2(StreamRecord<?> record) throws Exception;

    ChainingStrategy getChainingStrategy();

    void setChainingStrategy(ChainingStrategy strategy);
}
