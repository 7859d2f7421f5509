package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.api.operators.BoundedMultiInput;
import io.weir.api.operators.MultipleInputStreamOperator;
import io.weir.runtime.checkpoint.CheckpointBarrier;
import io.weir.runtime.source.SourceOperator;

/**
 * The input of a task whose multiple-input head has FLIP-27 sources chained into it
 * ({@code HEAD_WITH_SOURCES}): the readers of those sources, each an input of its own, and the
 * {@link NetworkInput} of the head's other inputs when it has any. The task's loop polls them in
 * turn, never blocking: a reader that has nothing is not asked again until its availability future
 * completes (which wakes the task), an input that ended is not asked again, and the task's input ends
 * when all have.
 *
 * <h2>End of input</h2>
 * When a chained source ends, its operator finishes (it sends the final watermark into the head's
 * input, so an ended source holds no watermark back) and the head, if it is a
 * {@link BoundedMultiInput}, learns that input ended; inputs from the network end as in any task.
 *
 * <h2>Checkpoints</h2>
 * No barrier reaches a chained source in-band, so the coordinator triggers this task directly. With
 * only chained sources the task snapshots at once, between two records, as a source task does.
 * With network inputs too, each open chained source is a channel of the task's barrier handler,
 * numbered after the network channels: the trigger delivers the barrier on those channels, the
 * network delivers it on the others, and the handler aligns them all — an aligned source is not
 * polled until the snapshot, exactly like a blocked network channel. The snapshot holds the
 * readers' splits with every other operator's state, at the same point of every input.
 *
 * <p>Threading: the task's thread only, except the availability callbacks, which only set a volatile
 * flag and wake the task.
 */
final class ChainedSourcesInput implements TaskInput {
    private final ChainedSource[] sources;
    private final NetworkInput network;
    private final MultipleInputStreamOperator<?> head;
    private int openInputs;
    private boolean networkEnded;
    /** The input asked first by the next call: inputs take turns, the network one last. */
    private int next;
    private boolean suspended;
    private TaskWakeup wakeup;

    /** One chained source: its operator, the head input it feeds (1-based), its barrier channel. */
    static final class ChainedSource {
        final SourceOperator<?, ?> operator;
        final int inputId;
        final int channel;
        volatile boolean available = true;
        boolean ended;
        private Runnable becameAvailable;

        ChainedSource(SourceOperator<?, ?> operator, int inputId, int channel) {
            this.operator = operator;
            this.inputId = inputId;
            this.channel = channel;
        }
    }

    /** @param network the head's inputs from other tasks, or {@code null} when all its inputs are chained sources */
    ChainedSourcesInput(ChainedSource[] sources, NetworkInput network, MultipleInputStreamOperator<?> head) {
        this.sources = sources.clone();
        this.network = network;
        this.head = head;
        this.openInputs = sources.length + (network == null ? 0 : 1);
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        this.wakeup = wakeup;
        for (ChainedSource source : sources) {
            source.becameAvailable = () -> {
                source.available = true;
                wakeup.signal();
            };
        }
        if (network != null) {
            network.start(wakeup, mailbox);
        }
    }

    @Override
    public InputStatus processInput() throws Exception {
        int inputs = sources.length + (network == null ? 0 : 1);
        for (int asked = 0; asked < inputs; asked++) {
            int index = next;
            next = index + 1 == inputs ? 0 : index + 1;
            if (index == sources.length) {
                if (!networkEnded) {
                    InputStatus status = network.processInput();
                    if (status == InputStatus.END_OF_INPUT) {
                        networkEnded = true;
                        return --openInputs == 0 ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
                    }
                    if (status == InputStatus.MORE_AVAILABLE) {
                        return status;
                    }
                }
                continue;
            }
            ChainedSource source = sources[index];
            if (source.ended || suspended || !source.available || (network != null && network.isBlocked(source.channel))) {
                continue;
            }
            InputStatus status = source.operator.emitNext();
            if (status == InputStatus.MORE_AVAILABLE) {
                return status;
            }
            if (status == InputStatus.END_OF_INPUT) {
                end(source);
                return openInputs == 0 ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
            }
            source.available = false;
            source.operator.getAvailableFuture().thenRun(source.becameAvailable);
        }
        return InputStatus.NOTHING_AVAILABLE;
    }

    /** A chained source ended: it sends its final watermark, the head learns that input ended. */
    private void end(ChainedSource source) throws Exception {
        source.ended = true;
        openInputs--;
        source.operator.finish();
        if (head instanceof BoundedMultiInput bounded) {
            bounded.endInput(source.inputId);
        }
        if (network != null) {
            network.onSourceEnded(source.channel);
        }
    }

    /**
     * The coordinator triggered a checkpoint: its barrier arrives on every chained source that has
     * not ended. Only for a task with network inputs (one without snapshots at once).
     */
    void onCheckpointTriggered(CheckpointBarrier barrier) throws Exception {
        for (ChainedSource source : sources) {
            if (!source.ended) {
                network.onSourceBarrier(source.channel, barrier);
            }
        }
    }

    @Override
    public void suspend() {
        suspended = true;
    }

    @Override
    public void resume() {
        suspended = false;
        wakeup.signal();
    }

    @Override
    public NetworkInput network() {
        return network;
    }

    @Override
    public void release() {
        if (network != null) {
            network.release();
        }
    }
}
