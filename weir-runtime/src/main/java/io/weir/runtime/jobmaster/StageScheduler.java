package io.weir.runtime.jobmaster;

import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.graph.JobEdge;
import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobVertex;
import io.weir.runtime.resourcemanager.Slot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deploys a job whose exchanges are all blocking ({@link JobGraph#hasBlockingExchanges()}) stage by
 * stage: each vertex is a pipelined region of its own, deployed once every vertex it reads from has
 * finished (its results are then complete), into slots that the regions before it freed. A job
 * therefore needs only the slots of its largest vertex, {@link #slotsNeeded}, however many vertices
 * it has. Vertices that are ready together run together when the slots allow; otherwise they wait,
 * in the order of their ids (sources first).
 *
 * <p>Since every exchange is blocking, each subtask is a pipelined region of its own, as in Flink: a
 * subtask that {@link #restart restarts} alone is deployed again as soon as a slot is free (before
 * any waiting vertex), while the other subtasks of its vertex go on. Its inputs are the finished
 * results of the vertices before it, which are kept; the vertices after it wait for its vertex to
 * finish, so none of them has read the failed attempt's output.
 *
 * <p>When a TaskManager is lost, its slots are {@link #slotsLost gone} until replacements are
 * {@link #addSlot added}, and finished subtasks whose results were kept there may have to run again
 * ({@link #resultsLost}, see {@link FinishedSubtasks}): their vertex is then no longer finished, so
 * a subtask that restarts waits, as a vertex does, until every vertex it reads from has finished
 * again.
 *
 * <h2>Threading</h2>
 * Used on the JobMaster's main thread only.
 */
final class StageScheduler {
    /** Deploys one task into a slot, for the JobMaster. */
    interface Deployer {
        void deploy(TaskKey task, Slot slot);
    }

    private enum Stage { WAITING, RUNNING, FINISHED }

    private final JobGraph job;
    private final Deployer deployer;
    private final List<Slot> slots = new ArrayList<>();
    private final ArrayDeque<Slot> free = new ArrayDeque<>();
    private final Map<Integer, Stage> stages = new HashMap<>();
    private final Set<TaskKey> finished = new HashSet<>();
    /** The tasks of the current attempt deployed and not yet ended, with their slots. */
    private final Map<TaskKey, Slot> running = new HashMap<>();
    /**
     * Subtasks that restart alone and wait for a slot and for their inputs to be finished; those ready
     * go before any waiting vertex.
     */
    private final ArrayDeque<TaskKey> restarting = new ArrayDeque<>();
    private boolean stopped = true;

    StageScheduler(JobGraph job, Deployer deployer) {
        this.job = job;
        this.deployer = deployer;
    }

    /** The slots a job needs to run stage by stage: the parallelism of its largest vertex. */
    static int slotsNeeded(JobGraph job) {
        return job.getVertices().stream().mapToInt(JobVertex::getParallelism).max().orElse(0);
    }

    /** The vertex that needs {@link #slotsNeeded} slots, for messages. */
    static JobVertex largest(JobGraph job) {
        return job.getVertices().stream().max(Comparator.comparingInt(JobVertex::getParallelism)).orElseThrow();
    }

    /** The slots the job got; every region is deployed into them. */
    void setSlots(List<Slot> allocated) {
        slots.clear();
        slots.addAll(allocated);
    }

    /** The slots the job got. */
    List<Slot> slots() {
        return List.copyOf(slots);
    }

    /**
     * {@code replacement} takes the place of {@code lost}, a slot of a TaskManager that was lost (for the
     * next attempt); it is added if {@code lost} was already {@link #slotsLost gone}.
     */
    void replaceSlot(Slot lost, Slot replacement) {
        if (slots.contains(lost)) {
            slots.replaceAll(s -> s.equals(lost) ? replacement : s);
        } else {
            slots.add(replacement);
        }
    }

    /**
     * TaskManager {@code taskExecutorId} was lost: its slots are gone from this job, also those its
     * running tasks use (they are not freed when those end). Returns them, to be replaced.
     */
    List<Slot> slotsLost(String taskExecutorId) {
        List<Slot> gone = slots.stream().filter(s -> s.taskExecutorId().equals(taskExecutorId)).toList();
        slots.removeAll(gone);
        free.removeAll(gone);
        return gone;
    }

    /** A new slot for the job (replacing a lost one): free at once for the waiting regions. */
    void addSlot(Slot slot) {
        slots.add(slot);
        free.add(slot);
        deployReady();
    }

    /**
     * The finished subtasks {@code tasks} lost their results and will {@link #restart run again}: until
     * they finish again their vertices are not finished, so nothing that reads from them is deployed.
     */
    void resultsLost(Set<TaskKey> tasks) {
        for (TaskKey task : tasks) {
            if (finished.remove(task)) {
                stages.put(task.vertexId(), Stage.RUNNING);
            }
        }
    }

    /** A new attempt of the whole job: every vertex waits again, and those without inputs are deployed. */
    void start() {
        stopped = false;
        running.clear();
        restarting.clear();
        free.clear();
        free.addAll(slots);
        finished.clear();
        for (JobVertex vertex : job.getVertices()) {
            stages.put(vertex.getId(), Stage.WAITING);
        }
        deployReady();
    }

    /** Deploys no further region of the current attempt (it is failing, restarting or cancelled). */
    void stop() {
        stopped = true;
    }

    /** Whether {@code task} was deployed in the current attempt and has not ended. */
    boolean isRunning(TaskKey task) {
        return running.containsKey(task);
    }

    /**
     * A task of the current attempt ended: its slot is free again. When the last subtask of a vertex
     * finished, the vertices that read only from finished vertices are deployed.
     */
    void taskEnded(TaskKey task, boolean hasFinished) {
        Slot slot = running.remove(task);
        if (slot == null) {
            return;
        }
        if (slots.contains(slot)) { // not if it was lost with its TaskManager
            free.add(slot);
        }
        if (hasFinished) {
            finished.add(task);
            if (tasksOf(task.vertexId()).stream().allMatch(finished::contains)) {
                stages.put(task.vertexId(), Stage.FINISHED);
            }
        }
        deployReady();
    }

    /**
     * Deploys the subtasks {@code tasks} again (each a region restarting alone), once they ended, a
     * slot is free and every vertex they read from has finished (at once, unless results they read
     * were {@link #resultsLost lost} and run again).
     */
    void restart(Set<TaskKey> tasks) {
        tasks.stream().sorted(Comparator.comparingInt(TaskKey::vertexId).thenComparingInt(TaskKey::subtaskIndex))
                .forEach(restarting::add);
        deployReady();
    }

    /** The tasks of vertex {@code vertexId}. */
    private Set<TaskKey> tasksOf(int vertexId) {
        Set<TaskKey> tasks = new HashSet<>();
        for (int i = 0; i < job.getVertices().get(vertexId).getParallelism(); i++) {
            tasks.add(new TaskKey(vertexId, i));
        }
        return tasks;
    }

    private void deployReady() {
        if (stopped) {
            return;
        }
        for (var it = restarting.iterator(); it.hasNext() && !free.isEmpty(); ) {
            TaskKey task = it.next();
            if (inputsFinished(job.getVertices().get(task.vertexId()))) {
                it.remove();
                deploy(task, free.poll());
            }
        }
        for (TaskKey task : restarting) {
            if (inputsFinished(job.getVertices().get(task.vertexId()))) {
                return; // the restarting subtasks that are ready take the next free slots
            }
        }
        for (JobVertex vertex : job.getVertices()) {
            if (stages.get(vertex.getId()) == Stage.WAITING && inputsFinished(vertex)
                    && !anyRunning(vertex.getId())) {
                if (free.size() < vertex.getParallelism()) {
                    return; // first come, first served: a later vertex does not overtake this one
                }
                stages.put(vertex.getId(), Stage.RUNNING);
                for (TaskKey task : tasksOf(vertex.getId())) {
                    deploy(task, free.poll());
                }
            }
        }
    }

    private void deploy(TaskKey task, Slot slot) {
        running.put(task, slot);
        deployer.deploy(task, slot);
    }

    private boolean inputsFinished(JobVertex vertex) {
        for (JobEdge input : vertex.getInputs()) {
            if (stages.get(input.producer().getId()) != Stage.FINISHED) {
                return false;
            }
        }
        return true;
    }

    private boolean anyRunning(int vertexId) {
        for (TaskKey task : running.keySet()) {
            if (task.vertexId() == vertexId) {
                return true;
            }
        }
        return false;
    }
}
