package io.weir.runtime.task;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The queue of actions a task's thread runs between records: timer firings, operator events,
 * buffer flushes, cancellation. Putting mail wakes the task. The task checks {@link #hasMail()}
 * (one volatile read) between records.
 *
 * <p>Threading: {@link #put} from any thread; {@link #runAll} and {@link #runOne} from the task's
 * thread only. In a task whose head runs a source function the operators are also called by the
 * source thread; mail then runs holding the task's {@link CheckpointLock} ({@link #runUnder}).
 */
public final class Mailbox {
    private final ConcurrentLinkedQueue<ThrowingRunnable> mails = new ConcurrentLinkedQueue<>();
    private final TaskWakeup wakeup;
    private volatile boolean hasMail;
    /** Held while mail runs, if set; set and read on the task's thread. */
    private CheckpointLock lock;
    private final ThrowingRunnable drain = this::drain;

    public Mailbox(TaskWakeup wakeup) {
        this.wakeup = wakeup;
    }

    public void put(ThrowingRunnable mail) {
        mails.add(mail);
        hasMail = true;
        wakeup.signal();
    }

    public boolean hasMail() {
        return hasMail;
    }

    /** From now on mail runs holding {@code lock}. */
    void runUnder(CheckpointLock lock) {
        this.lock = lock;
    }

    /** Runs the oldest mail, if there is one; says whether it did. */
    public boolean runOne() throws Exception {
        hasMail = false;
        ThrowingRunnable mail = mails.poll();
        if (!mails.isEmpty()) {
            hasMail = true;
        }
        if (mail == null) {
            return false;
        }
        if (lock == null) {
            mail.run();
        } else {
            lock.runExclusively(mail);
        }
        return true;
    }

    /** Runs all mail queued now and any that arrives while running. */
    public void runAll() throws Exception {
        if (lock == null) {
            drain();
        } else {
            lock.runExclusively(drain);
        }
    }

    private void drain() throws Exception {
        hasMail = false;
        ThrowingRunnable mail;
        while ((mail = mails.poll()) != null) {
            mail.run();
        }
    }
}
