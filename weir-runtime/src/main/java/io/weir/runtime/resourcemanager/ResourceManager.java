package io.weir.runtime.resourcemanager;

import io.weir.api.execution.JobID;
import io.weir.runtime.rpc.RpcEndpoint;
import io.weir.runtime.taskexecutor.TaskExecutorGateway;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Knows the slots of all registered task executors and gives them to jobs.
 *
 * <p>A request larger than the whole cluster fails at once, saying what is there and which setting
 * raises it. A request that fits the cluster but not its free slots waits, first come first served,
 * until earlier jobs release theirs (a job that was just cancelled frees its slots a moment after its
 * client returns), and fails after the slot request timeout if they never do.
 *
 * <p>Threading: state on the main thread only (see {@link RpcEndpoint}); the timeout of a waiting
 * request fires on a JDK timer thread and only enqueues its removal.
 */
public final class ResourceManager extends RpcEndpoint implements ResourceManagerGateway {
    private final Duration slotRequestTimeout;
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final Map<JobID, List<Slot>> allocated = new HashMap<>();
    private final ArrayDeque<PendingRequest> pending = new ArrayDeque<>();
    private final Map<String, Integer> slotsOf = new HashMap<>();
    /** When each task executor that sends heartbeats sent its last one (epoch millis). */
    private final Map<String, Long> lastHeartbeat = new HashMap<>();
    private final java.time.Clock clock;
    private int taskExecutors;
    private int totalSlots;

    private record PendingRequest(JobID jobId, int count, CompletableFuture<List<Slot>> result) {}

    /** A resource manager whose requests for busy slots wait up to {@code slotRequestTimeout} ({@code slot.request.timeout}). */
    public ResourceManager(Duration slotRequestTimeout) {
        this(slotRequestTimeout, java.time.Clock.systemUTC());
    }

    /** @param clock the time heartbeats are stamped and checked with */
    public ResourceManager(Duration slotRequestTimeout, java.time.Clock clock) {
        super("weir-resource-manager");
        this.slotRequestTimeout = slotRequestTimeout;
        this.clock = clock;
    }

    /** A task executor the resource manager dropped, and the jobs that held slots in it. */
    public record LostTaskExecutor(String id, java.util.Set<JobID> jobs) {}

    @Override
    public void heartbeat(String taskExecutorId) {
        runAsync(() -> {
            if (slotsOf.containsKey(taskExecutorId)) {
                lastHeartbeat.put(taskExecutorId, clock.millis());
            }
        });
    }

    /**
     * Drops the task executors whose last heartbeat is older than {@code timeout}, with their free and
     * allocated slots; returns them with the jobs that held slots in them, which must fail over.
     */
    public CompletableFuture<List<LostTaskExecutor>> removeSilent(Duration timeout) {
        return callAsync(() -> {
            long deadline = clock.millis() - timeout.toMillis();
            List<LostTaskExecutor> lost = new ArrayList<>();
            for (Iterator<Map.Entry<String, Long>> it = lastHeartbeat.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<String, Long> beat = it.next();
                if (beat.getValue() < deadline) {
                    it.remove();
                    lost.add(remove(beat.getKey()));
                }
            }
            return lost;
        });
    }

    @Override
    public CompletableFuture<Void> disconnectTaskExecutor(String taskExecutorId, String reason) {
        return withdraw(taskExecutorId).thenApply(lost -> null);
    }

    /**
     * Drops a task executor that leaves, with its free and allocated slots; returns it with the jobs
     * that held slots in it, which must fail over, or {@code null} if it was not registered.
     */
    public CompletableFuture<LostTaskExecutor> withdraw(String taskExecutorId) {
        return callAsync(() -> {
            if (!slotsOf.containsKey(taskExecutorId)) {
                return null;
            }
            lastHeartbeat.remove(taskExecutorId);
            return remove(taskExecutorId);
        });
    }

    private LostTaskExecutor remove(String id) {
        totalSlots -= slotsOf.remove(id);
        taskExecutors--;
        free.removeIf(slot -> slot.taskExecutorId().equals(id));
        java.util.Set<JobID> jobs = new java.util.HashSet<>();
        allocated.forEach((job, slots) -> {
            if (slots.removeIf(slot -> slot.taskExecutorId().equals(id))) {
                jobs.add(job);
            }
        });
        return new LostTaskExecutor(id, jobs);
    }

    @Override
    public CompletableFuture<Void> registerTaskExecutor(TaskExecutorGateway taskExecutor, int slots) {
        return callAsync(() -> {
            String id = taskExecutor.id();
            if (slotsOf.containsKey(id)) {
                throw new IllegalStateException("A task executor with id " + id + " is registered already");
            }
            slotsOf.put(id, slots);
            taskExecutors++;
            totalSlots += slots;
            for (int i = 0; i < slots; i++) {
                free.add(new Slot(taskExecutor, id, i));
            }
            servePending();
            return null;
        });
    }

    /** Allocates {@code count} slots for a job, spread over the task executors in turn. */
    public CompletableFuture<List<Slot>> requestSlots(JobID jobId, int count, String demand) {
        return composeAsync(() -> {
            if (count > totalSlots) {
                return CompletableFuture.failedFuture(new NotEnoughSlotsException("The job needs " + count + " slots (" + demand + "), but the "
                        + "cluster has " + totalSlots + " (" + taskExecutors + " task manager(s) × "
                        + (taskExecutors == 0 ? 0 : totalSlots / taskExecutors) + " slots), " + free.size() + " of them free."
                        + " Lower the parallelism, or add slots: taskmanager.numberOfTaskSlots sets the slots per task"
                        + " manager, and each TaskManager started (bin/weir taskmanager) adds its slots."));
            }
            CompletableFuture<List<Slot>> result = new CompletableFuture<>();
            int freeWhenAsked = free.size();
            int totalWhenAsked = totalSlots;
            pending.add(new PendingRequest(jobId, count, result));
            servePending();
            if (!result.isDone()) {
                result.orTimeout(slotRequestTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .whenComplete((slots, failure) -> {
                            if (failure instanceof TimeoutException) {
                                runAsync(() -> pending.removeIf(p -> p.result() == result));
                            }
                        });
                return result.exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof TimeoutException ? new NotEnoughSlotsException("The job waited "
                                + slotRequestTimeout.toSeconds() + " s (slot.request.timeout) for " + count + " slots ("
                                + demand + "), but other jobs kept them busy: when it asked, " + freeWhenAsked + " of the"
                                + " cluster's " + totalWhenAsked + " slots were free. Cancel a running job, or add slots:"
                                + " taskmanager.numberOfTaskSlots sets the slots per task manager, and each TaskManager"
                                + " started (bin/weir taskmanager) adds its slots.") : failure));
            }
            return result;
        });
    }

    public CompletableFuture<Void> releaseSlots(JobID jobId) {
        return callAsync(() -> {
            List<Slot> slots = allocated.remove(jobId);
            if (slots != null) {
                free.addAll(slots);
            }
            servePending();
            return null;
        });
    }

    public CompletableFuture<Integer> freeSlots() {
        return callAsync(free::size);
    }

    /** Free slots per task executor id, for monitoring; a task executor with none free is absent. */
    public CompletableFuture<Map<String, Integer>> freeSlotsPerTaskExecutor() {
        return callAsync(() -> {
            Map<String, Integer> perExecutor = new HashMap<>();
            for (Slot slot : free) {
                perExecutor.merge(slot.taskExecutorId(), 1, Integer::sum);
            }
            return perExecutor;
        });
    }

    /**
     * Takes {@code count} free slots, one task executor after the other, so that a job's subtasks
     * spread over the TaskManagers and losing one costs it as few tasks as possible.
     */
    private List<Slot> takeSpread(int count) {
        Map<String, ArrayDeque<Slot>> byTaskExecutor = new java.util.LinkedHashMap<>();
        for (Slot slot : free) {
            byTaskExecutor.computeIfAbsent(slot.taskExecutorId(), id -> new ArrayDeque<>()).add(slot);
        }
        List<Slot> taken = new ArrayList<>(count);
        while (taken.size() < count) {
            for (ArrayDeque<Slot> slotsOfOne : byTaskExecutor.values()) {
                if (!slotsOfOne.isEmpty() && taken.size() < count) {
                    taken.add(slotsOfOne.poll());
                }
            }
        }
        free.removeAll(taken);
        return taken;
    }

    /** Grants waiting requests in arrival order while the oldest one fits. */
    private void servePending() {
        assertMainThread();
        for (Iterator<PendingRequest> it = pending.iterator(); it.hasNext(); ) {
            PendingRequest request = it.next();
            if (request.result().isDone()) { // timed out
                it.remove();
                continue;
            }
            if (request.count() > free.size()) {
                return;
            }
            it.remove();
            List<Slot> slots = takeSpread(request.count());
            if (request.result().complete(slots)) {
                // a job that lost slots asks for replacements: they join the ones it holds
                allocated.computeIfAbsent(request.jobId(), job -> new ArrayList<>()).addAll(slots);
            } else {
                free.addAll(slots);
            }
        }
    }
}
