package io.weir.runtime.task;

import io.weir.api.connector.source.InputStatus;
import io.weir.runtime.source.SourceOperator;

/** The input of a source task: its source operator's reader. */
final class SourceInput implements TaskInput {
    private final SourceOperator<?, ?> source;
    private TaskWakeup wakeup;
    private boolean suspended;

    SourceInput(SourceOperator<?, ?> source) {
        this.source = source;
    }

    @Override
    public void start(TaskWakeup wakeup, Mailbox mailbox) {
        this.wakeup = wakeup;
    }

    @Override
    public InputStatus processInput() throws Exception {
        if (suspended) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        InputStatus status = source.emitNext();
        if (status == InputStatus.NOTHING_AVAILABLE) {
            source.getAvailableFuture().thenRun(wakeup::signal);
        }
        return status;
    }

    @Override
    public void suspend() {
        suspended = true;
    }

    @Override
    public void resume() {
        suspended = false;
        wakeup.signal();
    }

    @Override
    public void release() {}
}
