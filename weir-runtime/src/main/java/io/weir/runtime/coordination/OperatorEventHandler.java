package io.weir.runtime.coordination;

/** Implemented by operators that receive events from their coordinator; called in the task's mailbox. */
public interface OperatorEventHandler {
    void handleOperatorEvent(OperatorEvent event) throws Exception;
}
