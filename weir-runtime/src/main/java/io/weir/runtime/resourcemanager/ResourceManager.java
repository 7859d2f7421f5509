package io.weir.runtime.resourcemanager;

import io.weir.api.execution.JobID;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Knows the slots of all registered task executors and gives them to jobs. A request that cannot
 * be met fails at once with what is available and which setting raises it.
 *
 * <p>Threading: state on the main thread only (see {@link RpcEndpoint}).
 */
public final class ResourceManager extends RpcEndpoint {
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final Map<JobID, List<Slot>> allocated = new HashMap<>();
    private int taskExecutors;
    private int totalSlots;

    public ResourceManager() {
        super("weir-resource-manager");
    }

    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int slots) {
        return callAsync(() -> {
            taskExecutors++;
            totalSlots += slots;
            for (int i = 0; i < slots; i++) {
                free.add(new Slot(taskExecutor, i));
            }
            return null;
        });
    }

    /** Allocates {@code count} slots for a job, spread over the task executors in turn. */
    public CompletableFuture<List<Slot>> requestSlots(JobID jobId, int count, String demand) {
        return callAsync(() -> {
            if (count > free.size()) {
                throw new NotEnoughSlotsException("The job needs " + count + " slots (" + demand + "), but the cluster "
                        + "has " + free.size() + " free of " + totalSlots + " (" + taskExecutors + " task manager(s) × "
                        + (taskExecutors == 0 ? 0 : totalSlots / taskExecutors) + " slots). Lower the parallelism, or "
                        + "add slots: taskmanager.numberOfTaskSlots sets the slots per task manager.");
            }
            List<Slot> slots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                slots.add(free.poll());
            }
            allocated.put(jobId, slots);
            return slots;
        });
    }

    public CompletableFuture<Void> releaseSlots(JobID jobId) {
        return callAsync(() -> {
            List<Slot> slots = allocated.remove(jobId);
            if (slots != null) {
                free.addAll(slots);
            }
            return null;
        });
    }

    public CompletableFuture<Integer> freeSlots() {
        return callAsync(free::size);
    }
}
