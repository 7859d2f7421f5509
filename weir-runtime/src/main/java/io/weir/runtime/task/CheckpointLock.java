package io.weir.runtime.task;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The lock of a task whose head runs a source function: the monitor that
 * {@code SourceContext.getCheckpointLock()} returns, held by whichever thread calls the task's
 * operators, and the requests the task's thread leaves for the source thread.
 *
 * <h2>Threading</h2>
 * Two threads call the operators of such a task, one at a time: the source thread, which runs the
 * chain inside each emit ({@code collect} and the others), and the task's thread, which runs its
 * mail (timers, buffer flushes, operator events, accumulator reports, checkpoints) in
 * {@link #runExclusively}. Each holds the monitor while it does, so the operators see each other's
 * writes and never run concurrently. The function may hold the monitor too, around an emit and the
 * state change that goes with it; then none of the task's mail runs in between, which is what makes
 * a checkpoint taken by the task's thread consistent with what the function emitted.
 *
 * <p>The source thread takes the monitor once per element. A JVM monitor is not fair: a function
 * emitting in a tight loop would take it back before a waiting task thread wakes up. So the task's
 * thread first leaves the TASK_WAITING request; the emitting thread reads the request word (one
 * volatile read) before each element ({@link #beforeElement}) and waits until the task's thread is
 * done, unless its function holds the monitor itself (then the task's thread gets it when the
 * function lets go, as in Flink). The same word carries the other requests: publish accumulator
 * copies, stop (the task released its input), and suspend (a stop-with-savepoint took its barrier:
 * the function emits nothing more until the savepoint is aborted or the task releases its input; a
 * thread suspended while its function holds the monitor waits on the monitor, which lets it go).
 *
 * <p>Buffer flushes (every buffer timeout) are a request too, not mail: the emitting thread flushes
 * the outputs before its next element ({@link #requestFlush}). As mail, a flush would wait for the
 * monitor while the function held it emitting in a tight loop, and the waiting would send the
 * emitting thread into the request check on every element meanwhile. Only a source that does not
 * emit for a whole buffer timeout (idle, or blocked) has its outputs flushed by the task's thread,
 * as mail, so its buffers go out at most two buffer timeouts after they were written.
 *
 * <p>The emitting thread is normally the source
 * thread, but a function may emit from threads of its own, so the wait is on a separate
 * {@code gate} that wakes every waiter.
 */
final class CheckpointLock {
    private static final int TASK_WAITING = 1;
    private static final int PUBLISH_ACCUMULATORS = 2;
    private static final int RELEASED = 4;
    private static final int SUSPENDED = 8;
    private static final int FLUSH = 16;

    private final Object monitor;
    /** Where emitting threads wait while the task's thread runs its mail. */
    private final Object gate = new Object();
    private final AtomicInteger requests = new AtomicInteger();
    private final Runnable publishAccumulators;
    /** What a flush request runs; set by the first request, read by the emitting thread after the request word. */
    private volatile ThrowingRunnable flush;

    /** {@code publishAccumulators} runs on the emitting thread when the task's thread asks for it. */
    /** @param monitor the object the function's {@code getCheckpointLock()} returns */
    CheckpointLock(Object monitor, Runnable publishAccumulators) {
        this.monitor = monitor;
        this.publishAccumulators = publishAccumulators;
    }

    /** The object functions synchronize on; emitting and the task's mail hold it. */
    Object monitor() {
        return monitor;
    }

    // ---- the task's thread ----

    /** Runs {@code action} holding the monitor, after asking the emitting thread to stand aside. */
    void runExclusively(ThrowingRunnable action) throws Exception {
        if (Thread.holdsLock(monitor)) { // mail that yields to the mailbox runs mail itself
            action.run();
            return;
        }
        requests.getAndUpdate(r -> r | TASK_WAITING);
        try {
            synchronized (monitor) {
                action.run();
            }
        } finally {
            requests.getAndUpdate(r -> r & ~TASK_WAITING);
            openGate();
        }
    }

    /** Asks the emitting thread to publish copies of the function's accumulators before its next element. */
    void requestAccumulators() {
        requests.getAndUpdate(r -> r | PUBLISH_ACCUMULATORS);
    }

    /**
     * Asks the emitting thread to run {@code flush} (flushing the task's outputs) holding the monitor
     * before its next element. Returns {@code false} when the previous request is still waiting (the
     * function has not emitted for a whole buffer timeout): then the caller flushes as mail, and the
     * request stays for whoever comes first.
     */
    boolean requestFlush(ThrowingRunnable flush) {
        this.flush = flush;
        int before = requests.getAndUpdate(r -> r | FLUSH);
        return (before & FLUSH) == 0;
    }

    /** The task stops consuming: the next emit, or a wait to emit, throws. */
    void release() {
        int before = requests.getAndUpdate(r -> r | RELEASED);
        openGate();
        if ((before & SUSPENDED) != 0) {
            wakeSuspendedOnMonitor();
        }
    }

    /** The next emit waits until {@link #resume} or {@link #release}; called holding the monitor (as mail). */
    void suspend() {
        requests.getAndUpdate(r -> r | SUSPENDED);
    }

    /** Lets a suspended emitting thread go on. */
    void resume() {
        int before = requests.getAndUpdate(r -> r & ~SUSPENDED);
        if ((before & SUSPENDED) != 0) {
            openGate();
            wakeSuspendedOnMonitor();
        }
    }

    private void openGate() {
        synchronized (gate) {
            gate.notifyAll();
        }
    }

    private void wakeSuspendedOnMonitor() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    // ---- the emitting thread (the source thread, or one the function started) ----

    /**
     * Called by the emitting thread before each element, without the monitor unless the function
     * holds it: serves the task's requests.
     *
     * @throws TaskCancelledException once the task released its input
     */
    void beforeElement() {
        int r = requests.get();
        if (r != 0) {
            serveRequests(r);
        }
    }

    private void serveRequests(int r) {
        if ((r & RELEASED) != 0) {
            throw new TaskCancelledException();
        }
        if ((r & PUBLISH_ACCUMULATORS) != 0) {
            requests.getAndUpdate(x -> x & ~PUBLISH_ACCUMULATORS);
            publishAccumulators.run();
        }
        if ((r & FLUSH) != 0) {
            requests.getAndUpdate(x -> x & ~FLUSH);
            flushOutputs();
        }
        if ((r & SUSPENDED) != 0) {
            waitWhileSuspended();
        }
        if ((r & TASK_WAITING) != 0 && !Thread.holdsLock(monitor)) {
            standAside();
        }
    }

    private void flushOutputs() {
        synchronized (monitor) {
            try {
                flush.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TaskCancelledException();
            } catch (Exception e) {
                throw new ChainedOperatorException("Buffer flush", e);
            }
        }
    }

    /** Waits on the monitor if the function holds it (so the task's thread can run its mail), else on the gate. */
    private void waitWhileSuspended() {
        Object waitOn = Thread.holdsLock(monitor) ? monitor : gate;
        synchronized (waitOn) {
            int r;
            while (((r = requests.get()) & SUSPENDED) != 0) {
                if ((r & RELEASED) != 0) {
                    throw new TaskCancelledException();
                }
                try {
                    waitOn.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TaskCancelledException();
                }
            }
            if ((r & RELEASED) != 0) {
                throw new TaskCancelledException();
            }
        }
    }

    private void standAside() {
        synchronized (gate) {
            int r;
            while (((r = requests.get()) & TASK_WAITING) != 0) {
                if ((r & RELEASED) != 0) {
                    throw new TaskCancelledException();
                }
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TaskCancelledException();
                }
            }
        }
    }
}
