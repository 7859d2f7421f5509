package io.weir.runtime.task;

import io.weir.api.operators.MailboxExecutor;

/**
 * The {@link MailboxExecutor} of a task: work from other threads becomes mail; yielding runs one
 * mail, sleeping on the task's wake-up until one arrives (so a cancelled task stops waiting).
 *
 * <h2>Threading</h2>
 * {@link #execute} from any thread; {@link #yield} and {@link #tryYield} on the task's thread,
 * which they assert.
 */
public final class TaskMailboxExecutor implements MailboxExecutor {
    private final Mailbox mailbox;
    private final TaskWakeup wakeup;
    private final Thread owner;

    /** Created on the task's thread, which becomes the only one allowed to yield. */
    public TaskMailboxExecutor(Mailbox mailbox, TaskWakeup wakeup) {
        this.mailbox = mailbox;
        this.wakeup = wakeup;
        this.owner = Thread.currentThread();
    }

    @Override
    public void execute(Command command, String description) {
        mailbox.put(() -> {
            try {
                command.run();
            } catch (Exception e) {
                throw new IllegalStateException("Mail '" + description + "' failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void yield() throws Exception {
        checkOwner();
        while (!mailbox.runOne()) {
            wakeup.reset();
            if (!mailbox.hasMail()) {
                wakeup.await();
            }
        }
    }

    @Override
    public boolean tryYield() throws Exception {
        checkOwner();
        return mailbox.runOne();
    }

    private void checkOwner() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("Only the task's thread (" + owner.getName() + ") may yield to its mailbox, not "
                    + Thread.currentThread().getName() + ".");
        }
    }
}
