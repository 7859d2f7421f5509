package io.weir.runtime.coordination;

/** Sends events from a coordinator to its operator's subtasks. */
public interface SubtaskGateway {
    void sendEvent(int subtask, OperatorEvent event);
}
