package io.weir.api.connector.sink;

import io.weir.api.functions.TaskInfo;
import io.weir.api.operators.MailboxExecutor;
import io.weir.api.operators.ProcessingTimeService;
import java.util.OptionalLong;

/**
 * What a sink writer learns when it is created: which subtask it serves, where it restarts from, and
 * the task's clock and mailbox, through which a writer runs its own work (an interval flush) on the
 * task's thread instead of on a thread of its own.
 */
public interface WriterInitContext {
    TaskInfo getTaskInfo();

    ClassLoader getUserCodeClassLoader();

    /**
     * The task's processing-time clock; its timers call back on the task's thread, never while
     * the writer handles an element.
     *
     * @throws UnsupportedOperationException where the writer does not run in a task (a sink used
     *     inside a sink function)
     */
    default ProcessingTimeService getProcessingTimeService() {
        throw new UnsupportedOperationException("This sink writer runs outside a task and has no processing-time "
                + "service; use the sink with DataStream.sinkTo");
    }

    /**
     * The task's mailbox.
     *
     * @throws UnsupportedOperationException where the writer does not run in a task
     */
    default MailboxExecutor getMailboxExecutor() {
        throw new UnsupportedOperationException("This sink writer runs outside a task and has no mailbox; "
                + "use the sink with DataStream.sinkTo");
    }

    /**
     * The checkpoint this subtask's state was restored from, or empty when the job started without
     * state. A writer uses it to tell what a failed attempt left behind that the checkpoint covers
     * (it will be committed) from what it does not (it must be discarded).
     */
    default OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }
}
