package io.weir.runtime.task;

import io.weir.api.configuration.ReadableConfig;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.operators.StreamSource;
import io.weir.api.operators.Watermark;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.configuration.TaskManagerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of a task whose head runs a {@link SourceFunction}: starts the function on a thread of
 * its own and emits, on the task's thread, what it hands over through a {@link SourceHandover}.
 *
 * <h2>Threading</h2>
 * {@link #start}, {@link #processInput} and {@link #release} run on the task's thread. The source
 * thread runs only the function's {@code run} and the {@link SourceFunction.SourceContext} it calls;
 * {@code cancel()} is called from the task's thread when the task stops early.
 *
 * <h2>Life cycle</h2>
 * The source thread starts after the chain is open and ends when {@code run} returns or throws. The
 * input then ends (the chain finishes and emits the final watermark) or throws the function's
 * exception. On cancellation or failure {@link #release} calls {@code cancel()}, stops a function
 * blocked in emitting, waits up to the cancel grace ({@code taskmanager.source-function.cancel-grace})
 * for {@code run} to return, then
 * interrupts its thread and waits once more, so that the task normally ends after its source.
 */
final class SourceFunctionInput<T> implements TaskInput {
    private static final Logger LOG = LoggerFactory.getLogger(SourceFunctionInput.class);

    /** Elements emitted per call, before the task looks at its mailbox again. */
    private static final int BATCH = 256;

    private final StreamSource<T, ?> operator;
    private final TaskAccumulators accumulators;
    private final String taskName;
    private final int handoverCapacity;
    private final Duration cancelGrace;
    private volatile SourceHandover<T> handover; // read by the timer thread in requestAccumulators
    private Thread thread;

    SourceFunctionInput(StreamSource<T, ?> operator, TaskAccumulators accumulators, String taskName,
            ReadableConfig settings) {
        this.operator = operator;
        this.accumulators = accumulators;
        this.taskName = taskName;
        this.handoverCapacity = settings.get(TaskManagerOptions.SOURCE_FUNCTION_HANDOVER_CAPACITY);
        this.cancelGrace = settings.get(TaskManagerOptions.SOURCE_FUNCTION_CANCEL_GRACE);
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        handover = new SourceHandover<>(handoverCapacity, wakeup, accumulators::publishSourceCopies);
        Context<T> context = new Context<>(handover);
        thread = new Thread(() -> runFunction(context), taskName + " (source function)");
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        handover.bindProducer(thread);
        accumulators.sourceThreadStarted();
        thread.start();
    }

    private void runFunction(Context<T> context) {
        Throwable failure = null;
        try {
            operator.run(context);
        } catch (Throwable t) {
            failure = t;
        }
        accumulators.sourceThreadEnded();
        handover.finish(failure);
    }

    @Override
    public InputStatus processInput() throws Exception {
        return handover.emitNext(operator.getOutput(), BATCH);
    }

    /** Asks the source thread for copies of the function's accumulators (sent with its next element). */
    void requestAccumulators() {
        if (handover != null) {
            handover.requestAccumulators();
        }
    }

    @Override
    public void release() {
        if (thread == null || !thread.isAlive()) {
            return;
        }
        try {
            operator.cancel();
        } catch (Throwable t) {
            LOG.warn("cancel() of the source function of task {} failed", taskName, t);
        }
        handover.release();
        // the task's own cancellation interrupts this thread, maybe only now: it must not cut the grace short
        boolean interrupted = Thread.interrupted();
        interrupted |= join(cancelGrace);
        if (thread.isAlive()) {
            LOG.warn("The source function of task {} did not return within {} after cancel(); interrupting it",
                    taskName, cancelGrace);
            thread.interrupt();
            interrupted |= join(cancelGrace);
            if (thread.isAlive()) {
                LOG.warn("The source function of task {} ignores interrupts too; leaving its thread behind", taskName);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits up to {@code timeout} for the source thread to end; returns whether this thread was interrupted meanwhile. */
    private boolean join(Duration timeout) {
        boolean interrupted = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while (thread.isAlive() && (left = deadline - System.nanoTime()) > 0) {
            try {
                thread.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
    }

    /** The context the function emits through, on the source thread. */
    private static final class Context<T> implements SourceFunction.SourceContext<T> {
        private final SourceHandover<T> handover;
        private final Object checkpointLock = new Object();

        Context(SourceHandover<T> handover) {
            this.handover = handover;
        }

        @Override
        public void collect(T element) {
            handover.putRecord(element);
        }

        @Override
        public void collectWithTimestamp(T element, long timestamp) {
            handover.putRecord(element, timestamp);
        }

        @Override
        public void emitWatermark(Watermark mark) {
            handover.putWatermark(mark.getTimestamp());
        }

        @Override
        public void markAsTemporarilyIdle() {
            handover.putIdle();
        }

        @Override
        public Object getCheckpointLock() {
            return checkpointLock;
        }

        @Override
        public void close() {}
    }
}
