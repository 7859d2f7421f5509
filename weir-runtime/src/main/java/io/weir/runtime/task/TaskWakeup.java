package io.weir.runtime.task;

import java.util.concurrent.locks.LockSupport;

/**
 * Lets a task's thread sleep until something happens: input arrives, a source becomes available,
 * or mail is put. A signal that comes between {@link #reset()} and {@link #await()} is not lost.
 *
 * <p>A signal unparks the task's thread only while it waits: mail and input mostly arrive while
 * the thread is busy, and an unpark costs a lock of the thread's parker each time. The waiter
 * writes {@code waiting} before it reads {@code signalled}, the signaller {@code signalled} before
 * it reads {@code waiting}; both are volatile, so at least one of them sees the other's write, and
 * a waiter that missed the signal is unparked.
 *
 * <p>Threading: {@link #reset()} and {@link #await()} are called by the task's thread only;
 * {@link #signal()} by any thread.
 */
public final class TaskWakeup {
    private volatile boolean signalled;
    private volatile boolean waiting;
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
        if (waiting) {
            Thread t = owner;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** Waits until signalled since the last reset; returns at once if it already was. */
    public void await() throws InterruptedException {
        waiting = true;
        try {
            while (!signalled) {
                LockSupport.park(this);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        } finally {
            waiting = false;
        }
    }
}
