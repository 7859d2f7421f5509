package io.weir.api.operators;

/**
 * The task's mailbox as an operator sees it: a way for other threads (an async client's callback)
 * to hand work to the task's thread, and for the operator to wait for such work without blocking
 * the task (yielding runs other mail meanwhile: timers, async results).
 *
 * <p>Threading: {@link #execute} from any thread; {@link #yield} and {@link #tryYield} from the
 * task's thread only.
 */
public interface MailboxExecutor {
    /** Work to run on the task's thread. */
    @FunctionalInterface
    interface Command {
        void run() throws Exception;
    }

    /**
     * Runs {@code command} on the task's thread, between records, in the order of submission.
     * {@code description} names it in errors.
     */
    void execute(Command command, String description);

    /**
     * Runs one mail, waiting for one if there is none. An exception of the mail fails the task.
     *
     * @throws InterruptedException if the task is cancelled while waiting
     */
    void yield() throws Exception;

    /** Runs one mail if there is one; says whether it did. */
    boolean tryYield() throws Exception;
}
