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
        if (taskAttempt != attempt || previous == null || previous.isTerminal()) {
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
                onFailure(taskFailure, taskName);
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
        attempt++;
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
        List<TaskKey> toCancel = new ArrayList<>();
        for (Map.Entry<TaskKey, ExecutionState> e : executions.entrySet()) {
            if (!e.getValue().isTerminal()) {
                e.setValue(ExecutionState.CANCELING);
                toCancel.add(e.getKey());
            }
        }
        if (!toCancel.isEmpty()) {
            commands.cancelTasks(attempt, toCancel);
        }
    }

    private void checkAllEnded() {
        for (ExecutionState s : executions.values()) {
            if (!s.isTerminal()) {
                return;
            }
        }
        switch (status) {
            case RUNNING -> end(JobStatus.FINISHED);
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

    private void end(JobStatus terminal) {
        status = terminal;
        commands.jobEnded(terminal, terminal == JobStatus.FINISHED ? null : failure, failedTask);
    }
}
