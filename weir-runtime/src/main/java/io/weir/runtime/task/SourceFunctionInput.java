package io.weir.runtime.task;

import io.weir.api.configuration.ReadableConfig;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.functions.source.SourceFunction;
import io.weir.api.operators.StreamSource;
import io.weir.runtime.accumulators.TaskAccumulators;
import io.weir.runtime.configuration.TaskManagerOptions;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input of a task whose head runs a {@link SourceFunction}: starts the function on a thread of
 * its own, which runs the operator chain inside each emit, as in Flink: an element has been
 * processed (and, at the end of the chain, serialized into an exchange or handed to a sink) when
 * {@code collect} returns, so a function may change and emit the same object again.
 *
 * <h2>Threading</h2>
 * The operators of the task are called by one thread at a time, holding the task's
 * {@link CheckpointLock}: the source thread while it emits, the task's thread while it runs its mail
 * (timers, periodic watermarks, buffer flushes, operator events, accumulator reports and, for
 * checkpoints, the snapshot and the barrier, which thus fall between two elements and see the state
 * of a function that changes it under {@code getCheckpointLock()}). {@code open}, {@code finish},
 * {@code close}, {@link #start}, {@link #processInput} and {@link #release} run on the task's
 * thread, before the source thread starts or after it ended or was released; {@code cancel()} is
 * called from the task's thread when the task stops early. The task's thread sleeps while the
 * function emits; it wakes for mail and when the function returns.
 *
 * <h2>Life cycle</h2>
 * The source thread starts after the chain is open and ends when {@code run} returns or throws. The
 * input then ends (the chain finishes and emits the final watermark) or throws the function's
 * exception. On cancellation or failure {@link #release} calls {@code cancel()}, makes the next
 * emit (or a wait for the lock) throw, waits up to {@code taskmanager.source-function.cancel-grace} for {@code run} to return,
 * then interrupts its thread and waits once more, so that the task normally ends after its source.
 */
final class SourceFunctionInput<T> implements TaskInput {
    private static final Logger LOG = LoggerFactory.getLogger(SourceFunctionInput.class);


    private final StreamSource<T, ?> operator;
    private final TaskAccumulators accumulators;
    private final String taskName;
    private final CheckpointLock lock;
    private final Duration cancelGrace;
    private TaskWakeup wakeup;
    private Thread thread;
    private volatile boolean ended;
    private volatile Throwable failure;

    SourceFunctionInput(StreamSource<T, ?> operator, TaskAccumulators accumulators, String taskName,
            ReadableConfig config) {
        this.operator = operator;
        this.accumulators = accumulators;
        this.taskName = taskName;
        this.lock = new CheckpointLock(operator.getCheckpointLock(), accumulators::publishSourceCopies);
        this.cancelGrace = config.get(TaskManagerOptions.SOURCE_FUNCTION_CANCEL_GRACE);
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        this.wakeup = wakeup;
        mailbox.runUnder(lock);
        SourceFunctionContext<T> context = new SourceFunctionContext<>(lock, operator.getOutput());
        thread = new Thread(() -> runFunction(context), taskName + " (source function)");
        thread.setDaemon(true);
        thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        accumulators.sourceThreadStarted();
        thread.start();
    }

    private void runFunction(SourceFunctionContext<T> context) {
        Throwable error = null;
        try {
            operator.run(context);
        } catch (Throwable t) {
            error = t;
        }
        accumulators.sourceThreadEnded();
        failure = error;
        ended = true;
        wakeup.signal();
    }

    @Override
    public InputStatus processInput() throws Exception {
        if (!ended) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        Throwable f = failure;
        if (f instanceof Exception e) {
            throw e;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new IllegalStateException("The source function failed", f);
        }
        return InputStatus.END_OF_INPUT;
    }

    /** The function emits nothing more until {@link #resume()} (or until the input is released). */
    @Override
    public void suspend() {
        lock.suspend();
    }

    @Override
    public void resume() {
        lock.resume();
    }

    /** Asks the source thread for copies of the function's accumulators (made before its next element). */
    void requestAccumulators() {
        lock.requestAccumulators();
    }

    /**
     * Asks the source thread to run {@code flush} before its next element; {@code false} when it has
     * not served the previous request yet (see {@link CheckpointLock#requestFlush}).
     */
    boolean requestFlush(ThrowingRunnable flush) {
        return lock.requestFlush(flush);
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
        lock.release();
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
}
