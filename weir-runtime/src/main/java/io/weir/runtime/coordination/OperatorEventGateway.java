package io.weir.runtime.coordination;

/** Sends events from an operator subtask to its coordinator. Never blocks; a caller may wait on a request's answer. */
public interface OperatorEventGateway {
    void sendEventToCoordinator(OperatorEvent event);

    /** Sends a request; the future completes with the coordinator's answer. */
    java.util.concurrent.CompletableFuture<Object> sendRequestToCoordinator(OperatorEvent request);
}
