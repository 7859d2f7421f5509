package io.weir.runtime.jobmaster;

import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.restart.RestartStrategy;
import io.weir.runtime.task.StreamTask;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The life cycle of one job: which attempt of its tasks runs, what state each task is in, and what
 * happens when one fails. A small state machine fed with events by the JobMaster, which carries
 * out its {@link Commands}.
 *
 * <h2>States</h2>
 * <pre>
 * CREATED --slots ready--> RUNNING --all tasks finished--> FINISHED
 * RUNNING --failure, strategy allows a restart--> RESTARTING --tasks ended, delay over--> RUNNING (next attempt)
 * RUNNING / RESTARTING --failure, no restart--> FAILING --tasks ended--> FAILED
 * CREATED / RUNNING / RESTARTING --cancel--> CANCELLING --tasks ended--> CANCELED
 * </pre>
 * A failure is a task that failed or a global failure (a coordinator, or checkpoints failing more
 * often than tolerated). Every attempt runs all tasks; events about tasks of an earlier attempt are
 * ignored.
 *
 * <h2>Region failover</h2>
 * When {@link Commands#regionOf} names the region of a failed task (a BATCH job with blocking
 * exchanges), a failure the restart strategy allows restarts that region alone: its other tasks are
 * cancelled, and once they ended and the delay is over its tasks run again as their next attempt
 * ({@link #attemptOf}), while the job stays RUNNING and the rest of its tasks go on.
 *
 * <p>Finished tasks run again the same way when {@link #onResultsLost their kept results were lost}
 * (with a TaskManager) while a consumer still needs them: one failure for the restart strategy, one
 * region of the tasks to run again. Every other finished task stays finished.
 *
 * <h2>Threading</h2>
 * Every method runs on the JobMaster's main thread.
 */
public final class JobLifecycle {

    /** What the life cycle asks the JobMaster to do. */
    public interface Commands {
        /** Deploys every task of the job as attempt {@code attempt}. */
        void deploy(int attempt);

        /** Cancels the tasks of {@code attempt} that have not ended. */
        void cancelTasks(int attempt, List<TaskKey> tasks);

        /** Calls {@link #onRestartDelayElapsed(int)} with {@code attempt} after {@code delay}. */
        void scheduleRestart(int attempt, Duration delay);

        /** The job reached a terminal status; {@code failure} is null when it finished. */
        void jobEnded(JobStatus status, Throwable failure, String failedTask);

        /** The tasks that restart together with {@code failed}, or {@code null}: the whole job restarts. */
        default Set<TaskKey> regionOf(TaskKey failed) {
            return null;
        }

        /** Calls {@link #onRegionRestartDelayElapsed} with {@code region} after {@code delay}. */
        default void scheduleRegionRestart(Set<TaskKey> region, Duration delay) {}

        /** Deploys the tasks of {@code region} again, each as its {@link #attemptOf} attempt. */
        default void deployRegion(Set<TaskKey> region) {}
    }

    private final Set<TaskKey> tasks;
    private final RestartStrategy restartStrategy;
    /** Why the restart strategy gave up (its own words, naming the option to raise), once it did. */
    private String notRestartedBecause;
    private final Clock clock;
    private final Commands commands;
    private final Map<TaskKey, ExecutionState> executions = new LinkedHashMap<>();
    private JobStatus status = JobStatus.CREATED;
    private int attempt;
    private int restarts;
    private Duration restartDelay;
    private Throwable failure;
    private String failedTask;
    /** The attempt of each task that restarted with its region since the job's attempt began. */
    private final Map<TaskKey, Integer> taskAttempts = new java.util.HashMap<>();
    /** Regions being cancelled for a restart, with the delay to wait once they have ended. */
    private final Map<Set<TaskKey>, Duration> regionRestarts = new java.util.HashMap<>();

    public JobLifecycle(Set<TaskKey> tasks, RestartStrategy restartStrategy, Clock clock, Commands commands) {
        this.tasks = Set.copyOf(tasks);
        this.restartStrategy = restartStrategy;
        this.clock = clock;
        this.commands = commands;
        resetExecutions();
    }

    public JobStatus status() {
        return status;
    }

    public int attempt() {
        return attempt;
    }

    /** How often the job restarted. */
    public int restarts() {
        return restarts;
    }

    /** The attempt {@code task} runs as: the job's, or a later one after its region restarted. */
    public int attemptOf(TaskKey task) {
        return taskAttempts.getOrDefault(task, attempt);
    }

    public ExecutionState executionState(TaskKey task) {
        return executions.get(task);
    }

    /** Whether every task of the current attempt is deployed and none has ended. */
    public boolean allTasksRunning() {
        return status == JobStatus.RUNNING && executions.values().stream().allMatch(s -> s == ExecutionState.DEPLOYED);
    }

    /** The slots were allocated: the first attempt is deployed. */
    public void onSlotsReady() {
        if (status != JobStatus.CREATED) {
            return;
        }
        deploy();
    }

    /** The job could not start (slots, coordinators): it fails without restart. */
    public void onStartFailed(Throwable cause) {
        if (status != JobStatus.CREATED) {
            return;
        }
        failure = cause;
        end(JobStatus.FAILED);
    }

    public void onTaskEnded(TaskKey task, int taskAttempt, StreamTask.Outcome outcome, Throwable taskFailure,
            String taskName) {
        ExecutionState previous = executions.get(task);
        if (taskAttempt != attemptOf(task) || previous == null || previous.isTerminal()) {
            return;
        }
        if (previous == ExecutionState.CANCELING) { // cancelled with its region: however it ended, it is no new failure
            executions.put(task, outcome == StreamTask.Outcome.FINISHED ? ExecutionState.FINISHED : ExecutionState.CANCELED);
            checkAllEnded();
            return;
        }
        if (outcome == StreamTask.Outcome.CANCELED && status == JobStatus.RUNNING) {
            // only the JobMaster cancels tasks, and never while the job runs: this one ended on its own
            outcome = StreamTask.Outcome.FAILED;
            taskFailure = new IllegalStateException("Task " + taskName + " ended as cancelled although nothing cancelled"
                    + " it", taskFailure);
        }
        switch (outcome) {
            case FINISHED -> executions.put(task, ExecutionState.FINISHED);
            case CANCELED -> executions.put(task, ExecutionState.CANCELED);
            default -> {
                executions.put(task, ExecutionState.FAILED);
                Set<TaskKey> region = status == JobStatus.RUNNING ? commands.regionOf(task) : null;
                if (region != null) {
                    onRegionFailure(region, taskFailure, taskName);
                } else {
                    onFailure(taskFailure, taskName);
                }
            }
        }
        checkAllEnded();
    }

    /**
     * The attempt just deployed could not start any task (for example its state could not be
     * restored): its tasks count as failed, and the restart strategy decides as for a failure.
     */
    public void onDeploymentFailed(Throwable cause, String where) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        executions.replaceAll((t, s) -> s.isTerminal() ? s : ExecutionState.FAILED);
        onFailure(cause, where);
        checkAllEnded();
    }

    /** A failure of the job as a whole, not of one task. */
    public void onGlobalFailure(Throwable cause, String where) {
        if (status == JobStatus.CREATED) {
            failure = cause;
            failedTask = where;
            end(JobStatus.FAILED);
            return;
        }
        onFailure(cause, where);
        checkAllEnded();
    }

    private void onFailure(Throwable cause, String where) {
        if (status != JobStatus.RUNNING) {
            return; // already restarting, failing or cancelling: the first failure decides
        }
        Duration delay = restartStrategy.onFailure(clock.millis());
        failure = cause;
        failedTask = where;
        if (delay == null) {
            status = JobStatus.FAILING;
            notRestartedBecause = restartStrategy.describe();
        } else {
            status = JobStatus.RESTARTING;
            restartDelay = delay;
        }
        cancelRunning();
    }

    /**
     * A task of {@code region} failed: the region restarts alone if the restart strategy allows,
     * else the job fails.
     */
    private void onRegionFailure(Set<TaskKey> region, Throwable cause, String where) {
        Duration delay = restartStrategy.onFailure(clock.millis());
        if (delay == null) {
            status = JobStatus.FAILING;
            notRestartedBecause = restartStrategy.describe();
            failure = cause;
            failedTask = where;
            cancelRunning();
            return;
        }
        List<TaskKey> toCancel = new ArrayList<>();
        for (TaskKey task : region) {
            if (!executions.get(task).isTerminal()) {
                executions.put(task, ExecutionState.CANCELING);
                toCancel.add(task);
            }
        }
        regionRestarts.put(Set.copyOf(region), delay);
        for (TaskKey task : toCancel) {
            commands.cancelTasks(attemptOf(task), List.of(task));
        }
    }

    /**
     * The finished tasks {@code region} lost their kept results (with their TaskManager) and a consumer
     * still needs them: they run again as one region if the restart strategy allows, else the job
     * fails. Until they run again they count as not finished (CANCELED), so the job cannot finish
     * without them.
     */
    public void onResultsLost(Set<TaskKey> region, Throwable cause, String where) {
        if (status != JobStatus.RUNNING || region.isEmpty()) {
            return;
        }
        for (TaskKey task : region) {
            if (executions.get(task) != ExecutionState.FINISHED) {
                throw new IllegalArgumentException("Task " + task + " is " + executions.get(task) + ", not FINISHED:"
                        + " only a finished task has kept results to lose");
            }
            executions.put(task, ExecutionState.CANCELED);
        }
        onRegionFailure(region, cause, where);
        checkAllEnded();
    }

    /** The delay of a region's restart is over: its tasks run again as their next attempt. */
    public void onRegionRestartDelayElapsed(Set<TaskKey> region) {
        if (status != JobStatus.RUNNING) {
            return;
        }
        restarts++;
        for (TaskKey task : region) {
            taskAttempts.put(task, attemptOf(task) + 1);
            executions.put(task, ExecutionState.DEPLOYED);
        }
        commands.deployRegion(region);
    }

    /** The restart strategy's reason for not restarting after the failure that ends the job, or null. */
    public String notRestartedBecause() {
        return notRestartedBecause;
    }

    public void cancel() {
        switch (status) {
            case CREATED -> {
                executions.replaceAll((t, s) -> ExecutionState.CANCELED);
                end(JobStatus.CANCELED);
            }
            case RUNNING, RESTARTING, FAILING -> {
                status = JobStatus.CANCELLING;
                restartDelay = null;
                cancelRunning();
                checkAllEnded();
            }
            default -> { }
        }
    }

    /**
     * Ends the job here at once, CANCELED, without waiting for its tasks: they are told to cancel, and
     * whoever runs them next must not count on this lifecycle (see {@code JobMaster#suspend}).
     */
    public void suspend() {
        if (status.isTerminal()) {
            return;
        }
        restartDelay = null;
        cancelRunning();
        executions.replaceAll((t, s) -> ExecutionState.CANCELED);
        end(JobStatus.CANCELED);
    }

    /** The restart delay of {@code delayedAttempt} is over: the next attempt is deployed. */
    public void onRestartDelayElapsed(int delayedAttempt) {
        if (status != JobStatus.RESTARTING || delayedAttempt != attempt || restartDelay != null) {
            return;
        }
        // past every attempt a region restart used, so no old task's event passes for a new one's
        attempt = Math.max(attempt, taskAttempts.values().stream().mapToInt(Integer::intValue).max().orElse(0)) + 1;
        taskAttempts.clear();
        regionRestarts.clear();
        restarts++;
        resetExecutions();
        deploy();
    }

    private void deploy() {
        status = JobStatus.RUNNING;
        executions.replaceAll((t, s) -> ExecutionState.DEPLOYED);
        commands.deploy(attempt);
    }

    private void resetExecutions() {
        executions.clear();
        tasks.stream().sorted().forEach(t -> executions.put(t, ExecutionState.CREATED));
    }

    private void cancelRunning() {
        regionRestarts.clear();
        Map<Integer, List<TaskKey>> toCancel = new java.util.TreeMap<>();
        for (Map.Entry<TaskKey, ExecutionState> e : executions.entrySet()) {
            if (!e.getValue().isTerminal()) {
                e.setValue(ExecutionState.CANCELING);
                toCancel.computeIfAbsent(attemptOf(e.getKey()), a -> new ArrayList<>()).add(e.getKey());
            }
        }
        toCancel.forEach(commands::cancelTasks);
    }

    private void checkAllEnded() {
        if (status == JobStatus.RUNNING) {
            startEndedRegionRestarts();
        }
        for (ExecutionState s : executions.values()) {
            if (!s.isTerminal()) {
                return;
            }
        }
        switch (status) {
            case RUNNING -> {
                if (regionRestarts.isEmpty()
                        && executions.values().stream().allMatch(s -> s == ExecutionState.FINISHED)) {
                    end(JobStatus.FINISHED);
                }
            }
            case FAILING -> end(JobStatus.FAILED);
            case CANCELLING -> end(JobStatus.CANCELED);
            case RESTARTING -> {
                if (restartDelay != null) {
                    Duration delay = restartDelay;
                    restartDelay = null;
                    commands.scheduleRestart(attempt, delay);
                }
            }
            default -> { }
        }
    }

    /** Schedules the restart of each region being cancelled whose tasks have all ended. */
    private void startEndedRegionRestarts() {
        for (var it = regionRestarts.entrySet().iterator(); it.hasNext(); ) {
            var region = it.next();
            if (region.getKey().stream().allMatch(t -> executions.get(t).isTerminal())) {
                it.remove();
                commands.scheduleRegionRestart(region.getKey(), region.getValue());
            }
        }
    }

    private void end(JobStatus terminal) {
        status = terminal;
        commands.jobEnded(terminal, terminal == JobStatus.FINISHED ? null : failure, failedTask);
    }
}
