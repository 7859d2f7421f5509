package io.weir.runtime.jobmaster;

import io.weir.runtime.collect.CollectCoordinator;
import io.weir.runtime.coordination.OperatorCoordinator;
import io.weir.runtime.coordination.OperatorEvent;
import io.weir.runtime.coordination.SubtaskGateway;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator coordinators of one job (source enumerators, collect sinks): created when the job
 * starts, snapshotted with each checkpoint, reset to a checkpoint when the job restarts, closed when
 * it ends.
 *
 * <p>Threading: every method runs on the JobMaster's main thread.
 */
final class OperatorCoordinators {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorCoordinators.class);

    /** Sends an event to one subtask of an operator's current attempt. */
    interface SubtaskSender {
        void send(JobVertex vertex, int operatorId, int subtask, OperatorEvent event);
    }

    /** Told when a coordinator fails the job: where, and why. */
    interface FailureHandler {
        void coordinatorFailed(String where, Throwable cause);
    }

    private final JobGraph job;
    private final SubtaskSender sender;
    private final FailureHandler onFailure;
    private final Executor mainThread;
    private final Map<Integer, OperatorCoordinator> coordinators = new LinkedHashMap<>();
    private final Map<Integer, JobVertex> vertexOfOperator = new HashMap<>();

    OperatorCoordinators(JobGraph job, SubtaskSender sender, FailureHandler onFailure, Executor mainThread) {
        this.job = job;
        this.sender = sender;
        this.onFailure = onFailure;
        this.mainThread = mainThread;
    }

    /** Creates the coordinator of every operator that has one and starts them. */
    void createAndStart() throws Exception {
        for (JobVertex vertex : job.getVertices()) {
            for (StreamNode node : vertex.getChain()) {
                vertexOfOperator.put(node.getId(), vertex);
                OperatorCoordinator.Provider provider = node.getOperatorFactory().coordinatorProvider();
                if (provider != null) {
                    coordinators.put(node.getId(), provider.create(new Context(vertex, node.getId())));
                }
            }
        }
        for (OperatorCoordinator coordinator : coordinators.values()) {
            coordinator.start();
        }
    }

    /** The state of every coordinator that keeps some, by operator id, for checkpoint {@code checkpointId}. */
    Map<Integer, byte[]> snapshot(long checkpointId) throws Exception {
        Map<Integer, byte[]> states = new HashMap<>();
        for (Map.Entry<Integer, OperatorCoordinator> e : coordinators.entrySet()) {
            byte[] state = e.getValue().checkpointCoordinator(checkpointId);
            if (state != null) {
                states.put(e.getKey(), state);
            }
        }
        return states;
    }

    /**
     * The job (re)starts from a checkpoint: every coordinator goes back to its state in it (to its
     * initial state when it has none there, or {@code states} is null: no checkpoint) and starts again.
     *
     * @param states the coordinators' states by operator id of this job, or {@code null}
     */
    void resetTo(long checkpointId, Map<Integer, byte[]> states) throws Exception {
        for (Map.Entry<Integer, OperatorCoordinator> e : coordinators.entrySet()) {
            e.getValue().resetToCheckpoint(checkpointId, states == null ? null : states.get(e.getKey()));
            e.getValue().start();
        }
    }

    /**
     * Subtask {@code subtask} of {@code vertex} restarts alone (a region failover): the coordinators of
     * its operators take back what they gave its failed attempt after checkpoint {@code checkpointId}
     * (a source's enumerator gets its splits back), so the next attempt reads them again.
     *
     * @param checkpointId the checkpoint the subtask restores, or {@code -1} for none (a BATCH job)
     */
    void subtaskReset(JobVertex vertex, int subtask, long checkpointId) {
        for (StreamNode node : vertex.getChain()) {
            OperatorCoordinator coordinator = coordinators.get(node.getId());
            if (coordinator != null) {
                try {
                    coordinator.subtaskReset(subtask, checkpointId);
                } catch (Exception failure) {
                    onFailure.coordinatorFailed(where(node.getId()), failure);
                }
            }
        }
    }

    void notifyCheckpointComplete(long checkpointId) {
        for (Map.Entry<Integer, OperatorCoordinator> e : coordinators.entrySet()) {
            try {
                e.getValue().notifyCheckpointComplete(checkpointId);
            } catch (Exception failure) {
                onFailure.coordinatorFailed(where(e.getKey()), failure);
            }
        }
    }

    void handleEvent(int operatorId, int subtask, OperatorEvent event) {
        try {
            coordinators.get(operatorId).handleEventFromOperator(subtask, event);
        } catch (Throwable t) {
            onFailure.coordinatorFailed(where(operatorId), t);
        }
    }

    CompletableFuture<Object> handleRequest(int operatorId, int subtask, OperatorEvent request) {
        try {
            return coordinators.get(operatorId).handleRequestFromOperator(subtask, request);
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The job ended: coordinators learn how, then close. */
    void jobEnded(Throwable failure) {
        for (OperatorCoordinator coordinator : coordinators.values()) {
            coordinator.jobEnded(failure);
            try {
                coordinator.close();
            } catch (Exception e) {
                LOG.warn("Closing a coordinator of job {} failed", job.getJobId(), e);
            }
        }
    }

    /** The job's collect coordinators. Safe after the job ended (read-only). */
    List<CollectCoordinator> collectCoordinators() {
        List<CollectCoordinator> collects = new ArrayList<>();
        for (OperatorCoordinator c : coordinators.values()) {
            if (c instanceof CollectCoordinator cc) {
                collects.add(cc);
            }
        }
        return collects;
    }

    /** The collect coordinator with this id, or {@code null}. Safe after the job ended (read-only). */
    CollectCoordinator collectCoordinator(String collectId) {
        for (OperatorCoordinator c : coordinators.values()) {
            if (c instanceof CollectCoordinator cc && cc.collectId().equals(collectId)) {
                return cc;
            }
        }
        return null;
    }

    private String where(int operatorId) {
        JobVertex vertex = vertexOfOperator.get(operatorId);
        return "coordinator of " + (vertex == null ? "operator " + operatorId : vertex.getName());
    }

    /** Lets a coordinator reach the subtasks of its operator. */
    private final class Context implements OperatorCoordinator.Context {
        private final JobVertex vertex;
        private final int operatorId;

        Context(JobVertex vertex, int operatorId) {
            this.vertex = vertex;
            this.operatorId = operatorId;
        }

        @Override
        public int currentParallelism() {
            return vertex.getParallelism();
        }

        @Override
        public SubtaskGateway subtasks() {
            return (subtask, event) -> sender.send(vertex, operatorId, subtask, event);
        }

        @Override
        public void failJob(Throwable cause) {
            try {
                mainThread.execute(() -> onFailure.coordinatorFailed(where(operatorId), cause));
            } catch (RejectedExecutionException ended) {
                // the job already ended
            }
        }
    }
}
