package io.weir.runtime.task;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets a task's thread sleep until something happens: input arrives, a source becomes available,
 * or mail is put. A signal that comes between {@link #reset()} and {@link #await()} is not lost.
 *
 * <p>Threading: {@link #reset()} and {@link #await()} are called by the task's thread only;
 * {@link #signal()} by any thread.
 */
public final class TaskWakeup {
    private volatile boolean signalled;
    private volatile Thread owner;

    /** Binds the wake-up to the calling thread, the task's. */
    public void bindToCurrentThread() {
        owner = Thread.currentThread();
    }

    public void reset() {
        signalled = false;
    }

    public void signal() {
        signalled = true;
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Waits until signalled since the last reset; returns at once if it already was. */
    public void await() throws InterruptedException {
        while (!signalled) {
            LockSupport.park(this);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
