package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CheckpointedOperator;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.InFlightData;
import io.weir.runtime.checkpoint.OperatorSubtaskState;
import io.weir.runtime.checkpoint.StateAssignment;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateHandle;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.exchange.ConnectionPattern;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.graph.StreamNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each task of a job the state it restores from a completed checkpoint or savepoint — one
 * taken by this run of the job, or by an earlier run of the same or a changed job, at the same or
 * another parallelism. Operators are matched by operator id (their uid, or their place in the
 * graph); each operator's state is redistributed over its new subtasks by {@link StateAssignment}.
 * State of an operator the job no longer has fails the restore unless it may be ignored.
 *
 * <p>Tasks that had finished (ended their data) before the checkpoint was triggered are restored as
 * finished ({@link RestoredState#finishedTasks}): they do not run again. Only when the task is the
 * same (same vertex at the same parallelism) and every task producing its input is restored as
 * finished too, so that no record can reach it; such a task gets back its own part of the
 * checkpoint unchanged, which it keeps in later checkpoints.
 */
final class StateRestore {

    /**
     * What the job restores, by the ids of the job restoring it.
     *
     * @param finishedTasks the tasks restored as finished: they read no input, end their data at once
     *     and wait for the job's final checkpoint
     */
    record RestoredState(long checkpointId, Map<TaskKey, TaskStateSnapshot> tasks,
            Map<Integer, byte[]> coordinatorStates, Set<TaskKey> finishedTasks) {}

    private final CompletedCheckpoint checkpoint;
    private final CheckpointStorage storage;
    private final Map<Integer, List<TaskStateSnapshot>> tasksOfOldVertex = new HashMap<>();

    private StateRestore(CompletedCheckpoint checkpoint, CheckpointStorage storage) {
        this.checkpoint = checkpoint;
        this.storage = storage;
    }

    static RestoredState assign(JobGraph job, CompletedCheckpoint checkpoint, CheckpointStorage storage,
            boolean ignoreUnclaimedState) throws IOException {
        return new StateRestore(checkpoint, storage).assign(job, ignoreUnclaimedState);
    }

    private RestoredState assign(JobGraph job, boolean ignoreUnclaimedState) throws IOException {
        Map<String, Integer> oldNodeOfOperator = new HashMap<>();
        checkpoint.topology().operators().forEach((node, op) -> oldNodeOfOperator.put(op.operatorId(), node));
        Map<TaskKey, Map<Integer, OperatorSubtaskState>> tasks = new HashMap<>();
        Map<Integer, byte[]> coordinatorStates = new HashMap<>();
        Set<Integer> claimed = new HashSet<>();
        for (JobVertex vertex : job.getVertices()) {
            for (StreamNode node : vertex.getChain()) {
                Integer oldNode = oldNodeOfOperator.get(node.getOperatorId());
                if (oldNode == null) {
                    continue;
                }
                claimed.add(oldNode);
                byte[] coordinator = checkpoint.coordinatorStates().get(oldNode);
                if (coordinator != null) {
                    coordinatorStates.put(node.getId(), coordinator);
                }
                List<OperatorSubtaskState> assigned = assignOperator(checkpoint.topology().operators().get(oldNode),
                        oldNode, node, vertex.getParallelism());
                for (int i = 0; i < assigned.size(); i++) {
                    if (!assigned.get(i).isEmpty()) {
                        tasks.computeIfAbsent(new TaskKey(vertex.getId(), i), k -> new HashMap<>())
                                .put(node.getId(), assigned.get(i));
                    }
                }
            }
        }
        checkUnclaimed(claimed, ignoreUnclaimedState);
        Map<TaskKey, Map<Integer, List<byte[]>>> inFlight = assignInFlight(job);
        Map<TaskKey, TaskStateSnapshot> snapshots = new HashMap<>();
        tasks.forEach((task, operators) -> snapshots.put(task, new TaskStateSnapshot(checkpoint.id(), operators)));
        inFlight.forEach((task, inputs) -> snapshots.merge(task,
                new TaskStateSnapshot(checkpoint.id(), Map.of(), new InFlightData(inputs, Map.of())),
                (state, data) -> state.withInFlight(data.inFlight())));
        // a task that gets no state (after a rescale, say) is still restored from this checkpoint: its
        // operators learn the id (sinks use it to tell what the checkpoint covers from what it does not)
        for (JobVertex vertex : job.getVertices()) {
            for (int i = 0; i < vertex.getParallelism(); i++) {
                snapshots.putIfAbsent(new TaskKey(vertex.getId(), i), new TaskStateSnapshot(checkpoint.id(), Map.of()));
            }
        }
        Set<TaskKey> finished = finishedTasks(job);
        for (TaskKey task : finished) {
            TaskStateSnapshot own = tasksOf(task.vertexId()).get(task.subtaskIndex());
            snapshots.put(task, new TaskStateSnapshot(checkpoint.id(), own == null ? Map.of() : own.operators()));
        }
        return new RestoredState(checkpoint.id(), snapshots, coordinatorStates, finished);
    }

    /** The tasks restored as finished: finished in the checkpoint, unchanged, and fed only by such tasks. */
    private Set<TaskKey> finishedTasks(JobGraph job) {
        Set<TaskKey> finished = new HashSet<>();
        if (checkpoint.finishedTasks().isEmpty()) {
            return finished;
        }
        Map<TaskKey, Boolean> decided = new HashMap<>();
        for (JobVertex vertex : job.getVertices()) {
            for (int i = 0; i < vertex.getParallelism(); i++) {
                if (restoresFinished(vertex, i, decided)) {
                    finished.add(new TaskKey(vertex.getId(), i));
                }
            }
        }
        return finished;
    }

    private boolean restoresFinished(JobVertex vertex, int subtask, Map<TaskKey, Boolean> decided) {
        TaskKey task = new TaskKey(vertex.getId(), subtask);
        Boolean known = decided.get(task);
        if (known != null) {
            return known;
        }
        boolean finished = checkpoint.finishedTasks().contains(task)
                && Integer.valueOf(vertex.getParallelism()).equals(checkpoint.parallelism().get(vertex.getId()));
        for (JobEdge edge : vertex.getInputs()) {
            for (int producer : ConnectionPattern.producersOf(edge.streamEdge().exchange(), subtask,
                    edge.producer().getParallelism(), vertex.getParallelism())) {
                finished = finished && restoresFinished(edge.producer(), producer, decided);
            }
        }
        decided.put(task, finished);
        return finished;
    }

    /**
     * The in-flight records of an unaligned checkpoint, by the task that reads them again: per input
     * channel, what the task itself recorded, then what its producer's barrier overtook. Only at the
     * parallelism the checkpoint was taken at: channels are numbered by it.
     */
    private Map<TaskKey, Map<Integer, List<byte[]>>> assignInFlight(JobGraph job) throws IOException {
        Map<TaskKey, Map<Integer, List<byte[]>>> own = new HashMap<>();
        Map<TaskKey, Map<Integer, List<byte[]>>> overtaken = new HashMap<>();
        for (Map.Entry<Integer, Integer> old : checkpoint.parallelism().entrySet()) {
            List<TaskStateSnapshot> subtasks = tasksOf(old.getKey());
            for (int subtask = 0; subtask < subtasks.size(); subtask++) {
                TaskStateSnapshot task = subtasks.get(subtask);
                if (task == null || task.inFlight().isEmpty()) {
                    continue;
                }
                if (!task.inFlight().inputs().isEmpty()) {
                    own.put(new TaskKey(sameVertex(job, old.getKey()).getId(), subtask), task.inFlight().inputs());
                }
                for (Map.Entry<InFlightData.Channel, List<byte[]>> e : task.inFlight().outputs().entrySet()) {
                    JobVertex consumer = vertexWithHead(job, e.getKey().consumerOperatorId());
                    overtaken.computeIfAbsent(new TaskKey(consumer.getId(), e.getKey().consumerSubtask()),
                            k -> new HashMap<>()).put(e.getKey().channel(), e.getValue());
                }
            }
        }
        Map<TaskKey, Map<Integer, List<byte[]>>> merged = new HashMap<>();
        for (Map<TaskKey, Map<Integer, List<byte[]>>> part : List.of(own, overtaken)) {
            part.forEach((task, channels) -> channels.forEach((channel, records) -> merged
                    .computeIfAbsent(task, k -> new HashMap<>())
                    .computeIfAbsent(channel, c -> new ArrayList<>()).addAll(records)));
        }
        return merged;
    }

    /** The vertex of this job holding the operators of an old vertex, at the same parallelism. */
    private JobVertex sameVertex(JobGraph job, int oldVertex) {
        for (CheckpointedOperator op : checkpoint.topology().operators().values()) {
            if (op.vertexId() != oldVertex) {
                continue;
            }
            for (JobVertex vertex : job.getVertices()) {
                for (StreamNode node : vertex.getChain()) {
                    if (node.getOperatorId().equals(op.operatorId())) {
                        return sameParallelism(vertex, checkpoint.parallelism().get(oldVertex));
                    }
                }
            }
        }
        throw inFlightError("an operator that this job no longer has");
    }

    private JobVertex vertexWithHead(JobGraph job, String operatorId) {
        for (JobVertex vertex : job.getVertices()) {
            if (vertex.getHead().getOperatorId().equals(operatorId)) {
                for (CheckpointedOperator op : checkpoint.topology().operators().values()) {
                    if (op.operatorId().equals(operatorId)) {
                        return sameParallelism(vertex, checkpoint.parallelism().get(op.vertexId()));
                    }
                }
                return vertex;
            }
        }
        throw inFlightError("operator " + operatorId + ", which this job no longer has as the first of a task");
    }

    private JobVertex sameParallelism(JobVertex vertex, Integer oldParallelism) {
        if (oldParallelism != null && oldParallelism != vertex.getParallelism()) {
            throw inFlightError("'" + vertex.getName() + "', whose parallelism changed from " + oldParallelism + " to "
                    + vertex.getParallelism());
        }
        return vertex;
    }

    private IllegalStateException inFlightError(String what) {
        return new IllegalStateException("Checkpoint " + checkpoint.id() + " was taken unaligned and holds records in "
                + "flight to " + what + ". Such a checkpoint restores only into the same job at the same parallelism; "
                + "to change either, take a savepoint (savepoints are always aligned) and restore from it.");
    }

    private List<OperatorSubtaskState> assignOperator(CheckpointedOperator old, int oldNode, StreamNode node,
            int newParallelism) throws IOException {
        List<OperatorSubtaskState> oldStates = new ArrayList<>();
        boolean hasState = false;
        for (TaskStateSnapshot task : tasksOf(old.vertexId())) {
            OperatorSubtaskState state = task == null ? OperatorSubtaskState.EMPTY : task.of(oldNode);
            hasState |= !state.isEmpty();
            oldStates.add(state);
        }
        if (hasState && old.maxParallelism() != node.getMaxParallelism()) {
            throw new IllegalStateException("Operator " + old.describe() + " had max parallelism " + old.maxParallelism()
                    + " in checkpoint " + checkpoint.id() + " but has " + node.getMaxParallelism() + " now: its keyed "
                    + "state is split into that many key groups, which a restore cannot change. Set "
                    + "setMaxParallelism(" + old.maxParallelism() + ") on the operator (or pipeline.max-parallelism).");
        }
        return StateAssignment.assign(oldStates, newParallelism, node.getMaxParallelism());
    }

    /** The state of every subtask of a vertex of the checkpoint's run (null for a subtask without state). */
    private List<TaskStateSnapshot> tasksOf(int oldVertex) throws IOException {
        List<TaskStateSnapshot> tasks = tasksOfOldVertex.get(oldVertex);
        if (tasks == null) {
            tasks = new ArrayList<>();
            int parallelism = checkpoint.parallelism().get(oldVertex);
            for (int subtask = 0; subtask < parallelism; subtask++) {
                TaskStateHandle handle = checkpoint.taskStates().get(new TaskKey(oldVertex, subtask));
                tasks.add(handle == null ? null : storage.readTaskState(checkpoint, handle));
            }
            tasksOfOldVertex.put(oldVertex, tasks);
        }
        return tasks;
    }

    private void checkUnclaimed(Set<Integer> claimed, boolean ignore) throws IOException {
        List<String> unclaimed = new ArrayList<>();
        for (Map.Entry<Integer, CheckpointedOperator> e : checkpoint.topology().operators().entrySet()) {
            if (claimed.contains(e.getKey())) {
                continue;
            }
            boolean hasState = checkpoint.coordinatorStates().containsKey(e.getKey());
            for (TaskStateSnapshot task : tasksOf(e.getValue().vertexId())) {
                hasState |= task != null && !task.of(e.getKey()).isEmpty();
            }
            if (hasState) {
                unclaimed.add(e.getValue().describe());
            }
        }
        if (!unclaimed.isEmpty() && !ignore) {
            throw new IllegalStateException("Checkpoint " + checkpoint.id() + " has state for operator(s) " + unclaimed
                    + " that this job does not have. Give the operators back their uid (or their place in the job), "
                    + "or set execution.state-recovery.ignore-unclaimed-state: true to start without that state.");
        }
    }
}
