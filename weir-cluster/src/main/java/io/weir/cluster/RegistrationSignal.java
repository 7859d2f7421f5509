package io.weir.cluster;

import io.weir.runtime.resourcemanager.ResourceManagerGateway;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.util.concurrent.CompletableFuture;

/**
 * The resource manager as TaskManagers see it, which also signals each completed registration (a
 * new leader starts the jobs it recovered once enough slots are offered).
 *
 * <p>Threading: as the resource manager's; the signal runs on the thread that completes the registration.
 */
final class RegistrationSignal implements ResourceManagerGateway {
    private final ResourceManagerGateway resourceManager;
    private final Runnable onRegistered;

    RegistrationSignal(ResourceManagerGateway resourceManager, Runnable onRegistered) {
        this.resourceManager = resourceManager;
        this.onRegistered = onRegistered;
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int slots) {
        return resourceManager.registerTaskExecutor(taskExecutor, slots).thenRun(onRegistered);
    }

    @Override
    public void heartbeat(String taskExecutorId) {
        resourceManager.heartbeat(taskExecutorId);
    }

    @Override
    public CompletableFuture<Void> disconnectTaskExecutor(String taskExecutorId, String reason) {
        return resourceManager.disconnectTaskExecutor(taskExecutorId, reason);
    }
}
