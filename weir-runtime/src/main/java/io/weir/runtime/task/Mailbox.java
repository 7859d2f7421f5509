package io.weir.runtime.task;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The queue of actions a task's thread runs between records: timer firings, operator events,
 * buffer flushes, cancellation. Putting mail wakes the task. The task checks {@link #hasMail()}
 * (one volatile read) between records.
 *
 * <p>Threading: {@link #put} from any thread; {@link #runAll} and {@link #runOne} from the task's
 * thread only.
 */
public final class Mailbox {
    private final ConcurrentLinkedQueue<ThrowingRunnable> mails = new ConcurrentLinkedQueue<>();
    private final TaskWakeup wakeup;
    private volatile boolean hasMail;

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
        mail.run();
        return true;
    }

    /** Runs all mail queued now and any that arrives while running. */
    public void runAll() throws Exception {
        hasMail = false;
        ThrowingRunnable mail;
        while ((mail = mails.poll()) != null) {
            mail.run();
        }
    }
}
