package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which subtasks of a staged (BATCH) job have finished, and on which TaskManager each keeps its
 * finished (blocking) results, across the restarts of single subtasks; and, when a TaskManager is
 * lost, which of them must run again.
 *
 * <p>A finished subtask's output is either committed (a sink) or a set of results kept in the
 * TaskManager it ran on, which its consumers read, each as often as it restarts. When that
 * TaskManager is lost, a finished subtask runs again only if a consumer still needs its results: a
 * consumer that has not finished, or one that runs again itself (its results were lost too). Every
 * other finished subtask stays finished: those whose results are kept elsewhere, those whose
 * consumers have all finished, and every sink (it has no results, and its output is committed: to run
 * it again would commit it twice). This is Flink's rule for a lost TaskManager in batch: restart the
 * regions whose results were lost and are still needed, nothing else.
 *
 * <h2>Threading</h2>
 * Used on the JobMaster's main thread only.
 */
final class FinishedSubtasks {
    /** The subtasks that read the results of a subtask (none for a sink). */
    private final Function<TaskKey, Set<TaskKey>> consumersOf;
    /** Each finished subtask with the TaskManager its results are kept on. */
    private final Map<TaskKey, String> finishedOn = new HashMap<>();
    /** The TaskManagers lost so far: the results of the subtasks that finished there are gone. */
    private final Set<String> lost = new HashSet<>();

    /** @param consumersOf the subtasks that read the results of a subtask; an empty set for a sink */
    FinishedSubtasks(Function<TaskKey, Set<TaskKey>> consumersOf) {
        this.consumersOf = consumersOf;
    }

    /** For the subtasks of {@code job}, connected as its edges say. */
    static FinishedSubtasks of(JobGraph job) {
        Map<TaskKey, Set<TaskKey>> consumers = new HashMap<>();
        for (JobEdge edge : job.getEdges()) {
            JobVertex producer = edge.producer();
            JobVertex consumer = edge.consumer();
            for (int c = 0; c < consumer.getParallelism(); c++) {
                for (int p : ConnectionPattern.producersOf(edge.streamEdge().exchange(), c, producer.getParallelism(),
                        consumer.getParallelism())) {
                    consumers.computeIfAbsent(new TaskKey(producer.getId(), p), k -> new HashSet<>())
                            .add(new TaskKey(consumer.getId(), c));
                }
            }
        }
        return new FinishedSubtasks(task -> consumers.getOrDefault(task, Set.of()));
    }

    /** {@code task} finished; its results (if it has any) are kept on TaskManager {@code taskExecutorId}. */
    void finished(TaskKey task, String taskExecutorId) {
        finishedOn.put(task, taskExecutorId);
    }

    /** {@code task} is deployed again: it has not finished (any more). */
    void deployed(TaskKey task) {
        finishedOn.remove(task);
    }

    boolean isFinished(TaskKey task) {
        return finishedOn.containsKey(task);
    }

    /** Forgets every subtask: the whole job runs again (in slots of TaskManagers that are not lost). */
    void clear() {
        finishedOn.clear();
    }

    /**
     * TaskManager {@code taskExecutorId} was lost with the results kept there. Returns the finished
     * subtasks that must run again, in order (by vertex, then subtask): those whose results were kept
     * there (or on a TaskManager lost before) and are still needed by a consumer that has not finished
     * or runs again. They no longer count as finished. Every other finished subtask stays finished.
     */
    Set<TaskKey> taskExecutorLost(String taskExecutorId) {
        lost.add(taskExecutorId);
        Set<TaskKey> lostHere = new HashSet<>();
        finishedOn.forEach((task, where) -> {
            if (lost.contains(where) && !consumersOf.apply(task).isEmpty()) {
                lostHere.add(task);
            }
        });
        Set<TaskKey> again = new TreeSet<>();
        boolean grew = true;
        while (grew) { // a subtask that runs again needs its lost inputs again: to a fixed point
            grew = false;
            for (TaskKey task : lostHere) {
                if (!again.contains(task) && needed(task, again)) {
                    again.add(task);
                    grew = true;
                }
            }
        }
        again.forEach(finishedOn::remove);
        return again;
    }

    private boolean needed(TaskKey task, Set<TaskKey> again) {
        for (TaskKey consumer : consumersOf.apply(task)) {
            if (!finishedOn.containsKey(consumer) || again.contains(consumer)) {
                return true;
            }
        }
        return false;
    }
}
