package io.weir.runtime.checkpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Decides when a job takes checkpoints and when they complete: a small state machine fed with
 * events by its owner (the JobMaster), which carries out the {@link Commands} it issues. It holds no
 * locks and starts no timers of its own; time comes from the injected clock and every delay is a
 * {@link Commands#scheduleTrigger} or {@link Commands#scheduleTimeout} command whose expiry the
 * owner feeds back as an event.
 *
 * <h2>States</h2>
 * STOPPED → (start) RUNNING ⇄ (suspend / resume) SUSPENDED → (shutDown) SHUT_DOWN. Checkpoints are
 * only triggered while RUNNING (periodic ones only when an interval is set; savepoints on demand). Suspending (the job is failing over) aborts pending checkpoints
 * without counting them as failures.
 *
 * <h2>A checkpoint's life</h2>
 * Trigger (when the interval passed, fewer than max-concurrent are pending and the min pause since
 * the last completion is over) → pending, waiting for every task's acknowledgement → committing
 * (the owner writes its metadata) → completed: older pending checkpoints are subsumed (aborted),
 * checkpoints beyond the retained number are discarded, and tasks are notified. A declined,
 * timed-out or uncommittable checkpoint is aborted; more consecutive failures than tolerated fail
 * the job.
 *
 * <h2>Tasks whose data ended</h2>
 * With checkpointing enabled a task whose input ended reports it ({@link #onEndOfData}) and keeps
 * running until the job's final checkpoint completed, so checkpoints go on while other tasks still
 * read. No barrier reaches such a task in-band any more, so every checkpoint is sent to it directly
 * (with the sources), also a pending one it had not taken yet when it reported. Once every task
 * has reported, the next checkpoint is the job's final one ({@link CheckpointBarrier#endsJob()}): it
 * is triggered at once, whatever the interval and the min pause say, and the tasks end when it
 * completes — only then do two-phase-commit sinks commit what they wrote last. A checkpoint records
 * the tasks whose data had ended when it was triggered ({@link CompletedCheckpoint#finishedTasks}):
 * their part of it was taken after their end of data, so a restore need not run them again.
 *
 * <h2>Threading</h2>
 * Every method runs on the owner's thread.
 */
public final class CheckpointCoordinator {

    public enum State { STOPPED, RUNNING, SUSPENDED, SHUT_DOWN }

    /** What the coordinator asks its owner to do. */
    public interface Commands {
        /**
         * Snapshots the operator coordinators and sends the barrier to the source tasks and to every
         * task in {@code endedTasks} (whose data ended: no barrier reaches them in-band). Returns the
         * coordinators' states by operator id, or {@code null} when the checkpoint cannot start now
         * (for example a task is not running); then the next one is tried one interval later.
         */
        Map<Integer, byte[]> triggerCheckpoint(CheckpointBarrier barrier, Set<TaskKey> endedTasks);

        /** Sends the barrier of a pending checkpoint to one task whose data ended after it was triggered. */
        void triggerTask(TaskKey task, CheckpointBarrier barrier);

        /** Calls {@link #onTriggerTimer(long)} with {@code token} after {@code delay}. */
        void scheduleTrigger(Duration delay, long token);

        /** Calls {@link #onTimeout(long)} after {@code timeout}. */
        void scheduleTimeout(long checkpointId, Duration timeout);

        /**
         * Makes the checkpoint durable (writes its metadata); answers with {@link #onCommitted} or
         * {@link #onCommitFailed}.
         */
        void commit(PendingCheckpoint checkpoint);

        void notifyCheckpointComplete(long checkpointId);

        /** Tells the tasks the checkpoint will not complete, and why (for the log). */
        void notifyCheckpointAborted(long checkpointId, String reason);

        /** Deletes what the checkpoint wrote: it is aborted, or no longer retained. */
        void discard(long checkpointId);

        /** Checkpoints failed more often in a row than tolerated. */
        void failJob(Throwable cause);

        /** A savepoint's metadata is durable; for a stopping one, {@link #notifyCheckpointComplete} follows. */
        void savepointCompleted(CompletedCheckpoint savepoint, SnapshotType type);

        /** A savepoint was aborted (its files are discarded too). */
        void savepointFailed(long savepointId, SnapshotType type, String reason);
    }

    private final CheckpointingSettings settings;
    private final Clock clock;
    private final Commands commands;
    private final TreeMap<Long, PendingCheckpoint> pending = new TreeMap<>();
    private final ArrayDeque<CompletedCheckpoint> completed = new ArrayDeque<>();
    private State state = State.STOPPED;
    private Set<TaskKey> tasks = Set.of();
    /** The tasks of the current attempt that reported the end of their data. */
    private final Set<TaskKey> endedData = new HashSet<>();
    private long lastCheckpointId;
    private long timerToken;
    private long lastCompletionMillis = Long.MIN_VALUE;
    private boolean triggerWhenPossible;
    private int consecutiveFailures;

    /** @param restoredFrom the checkpoint the job starts from, or {@code null}; ids continue after it */
    public CheckpointCoordinator(CheckpointingSettings settings, Clock clock, Commands commands,
            CompletedCheckpoint restoredFrom) {
        this.settings = settings;
        this.clock = clock;
        this.commands = commands;
        if (restoredFrom != null) {
            completed.add(restoredFrom);
            lastCheckpointId = restoredFrom.id();
        }
    }

    public State state() {
        return state;
    }

    /** The tasks deployed: every one acknowledges each checkpoint. Starts the periodic checkpoints. */
    public void start(Set<TaskKey> deployedTasks) {
        expect(State.STOPPED, "start");
        run(deployedTasks);
    }

    /** The job fails over: pending checkpoints are aborted (not counted as failures), none is triggered. */
    public void suspend() {
        if (state != State.RUNNING) {
            return;
        }
        state = State.SUSPENDED;
        timerToken++;
        abortAll("the job is failing over", false);
    }

    /** The job's tasks were deployed again after a failover. */
    public void resume(Set<TaskKey> deployedTasks) {
        expect(State.SUSPENDED, "resume");
        run(deployedTasks);
    }

    /** The job ended: nothing more is triggered or completed. */
    public void shutDown() {
        if (state == State.SHUT_DOWN) {
            return;
        }
        timerToken++;
        abortAll("the job ended", false);
        state = State.SHUT_DOWN;
    }

    private void run(Set<TaskKey> deployedTasks) {
        state = State.RUNNING;
        tasks = Set.copyOf(deployedTasks);
        endedData.clear();
        triggerWhenPossible = false;
        if (settings.enabled()) {
            scheduleTrigger(settings.interval());
        }
    }

    /**
     * {@code task} ended its data and waits for the job's final checkpoint: it takes the pending
     * checkpoints it has not acknowledged yet, directly; once every task has reported, the final
     * checkpoint is triggered at once (or as soon as fewer than max-concurrent are pending).
     */
    public void onEndOfData(TaskKey task) {
        if (state != State.RUNNING || !tasks.contains(task) || !endedData.add(task)) {
            return;
        }
        for (PendingCheckpoint checkpoint : pending.values()) {
            if (!checkpoint.isCommitting() && checkpoint.awaits(task)) {
                commands.triggerTask(task, checkpoint.barrier());
            }
        }
        if (allDataEnded() && settings.enabled()) {
            tryTrigger();
        }
    }

    private boolean allDataEnded() {
        return !tasks.isEmpty() && endedData.size() == tasks.size();
    }

    /** A trigger timer expired; timers of an earlier schedule (before a suspend) are ignored. */
    public void onTriggerTimer(long token) {
        if (state != State.RUNNING || token != timerToken) {
            return;
        }
        tryTrigger();
    }

    private void tryTrigger() {
        if (pending.size() >= settings.maxConcurrent()) {
            triggerWhenPossible = true;
            return;
        }
        long now = clock.millis();
        boolean endsJob = allDataEnded();
        long pauseOver = lastCompletionMillis == Long.MIN_VALUE || endsJob ? now
                : lastCompletionMillis + settings.minPause().toMillis();
        if (now < pauseOver) {
            scheduleTrigger(Duration.ofMillis(pauseOver - now));
            return;
        }
        long id = lastCheckpointId + 1;
        // with an aligned-checkpoint timeout, barriers start aligned and tasks turn them unaligned when it passes;
        // the final checkpoint's barriers travel in no channel
        CheckpointBarrier barrier = new CheckpointBarrier(id, now, SnapshotType.CHECKPOINT, null,
                settings.unaligned() && !settings.alignedFirst() && !endsJob, endsJob);
        Set<TaskKey> ended = Set.copyOf(endedData);
        Map<Integer, byte[]> coordinatorStates = commands.triggerCheckpoint(barrier, ended);
        scheduleTrigger(settings.interval());
        if (coordinatorStates == null) {
            return;
        }
        lastCheckpointId = id;
        pending.put(id, new PendingCheckpoint(barrier, tasks, coordinatorStates, ended));
        commands.scheduleTimeout(id, settings.timeout());
    }

    /**
     * Triggers a savepoint into {@code targetLocation} now, whatever the periodic schedule, the
     * min pause and the number of pending checkpoints say. Returns its id; the owner learns the outcome
     * through {@link Commands#savepointCompleted} or {@link Commands#savepointFailed}. A savepoint
     * is not retained for recovery, subsumes no checkpoint and is subsumed by none, and its failure
     * does not count against the tolerated checkpoint failures.
     *
     * @throws CheckpointException when it cannot start: the job is not running, or not all its tasks are
     */
    public long triggerSavepoint(SnapshotType type, String targetLocation) throws CheckpointException {
        if (!type.isSavepoint()) {
            throw new IllegalArgumentException(type + " is not a savepoint");
        }
        if (state != State.RUNNING) {
            throw new CheckpointException("A savepoint cannot be taken now: the job's checkpointing is " + state
                    + (state == State.SUSPENDED ? " (the job is restarting; try again when it runs)" : ""));
        }
        long now = clock.millis();
        long id = lastCheckpointId + 1;
        CheckpointBarrier barrier = new CheckpointBarrier(id, now, type, targetLocation);
        Map<Integer, byte[]> coordinatorStates = commands.triggerCheckpoint(barrier, Set.copyOf(endedData));
        if (coordinatorStates == null) {
            throw new CheckpointException("A savepoint cannot be taken now: not every task of the job is running, "
                    + "or an operator coordinator failed to snapshot (the JobManager log says which)");
        }
        lastCheckpointId = id;
        pending.put(id, new PendingCheckpoint(barrier, tasks, coordinatorStates));
        commands.scheduleTimeout(id, settings.timeout());
        return id;
    }

    private void scheduleTrigger(Duration delay) {
        commands.scheduleTrigger(delay, ++timerToken);
    }

    /**
     * A task acknowledged a checkpoint with its state ({@code null} if it has none). Late or unknown
     * acknowledgements (the checkpoint was aborted meanwhile) are ignored; says whether it was used,
     * so the owner can discard the state of one that was not.
     */
    public boolean onAcknowledge(TaskKey task, long checkpointId, TaskStateHandle taskState) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint == null || checkpoint.isCommitting() || !checkpoint.acknowledge(task, taskState)) {
            return false;
        }
        if (checkpoint.isFullyAcknowledged()) {
            checkpoint.startCommit();
            commands.commit(checkpoint);
        }
        return true;
    }

    /** The checkpoint's metadata is durable. */
    public void onCommitted(CompletedCheckpoint checkpoint) {
        PendingCheckpoint committed = pending.remove(checkpoint.id());
        if (committed == null) {
            commands.discard(checkpoint.id()); // aborted while committing (suspend or shut down)
            return;
        }
        if (committed.type().isSavepoint()) {
            commands.savepointCompleted(checkpoint, committed.type());
            if (committed.type().commitsSideEffects()) {
                commands.notifyCheckpointComplete(checkpoint.id());
            }
            afterPendingRemoved();
            return;
        }
        consecutiveFailures = 0;
        lastCompletionMillis = clock.millis();
        for (PendingCheckpoint older : new ArrayList<>(pending.headMap(checkpoint.id()).values())) {
            if (!older.type().isSavepoint()) {
                abort(older.id(), "subsumed by checkpoint " + checkpoint.id(), false);
            }
        }
        completed.add(checkpoint);
        while (completed.size() > settings.retained()) {
            commands.discard(completed.removeFirst().id());
        }
        commands.notifyCheckpointComplete(checkpoint.id());
        afterPendingRemoved();
    }

    public void onCommitFailed(long checkpointId, Throwable cause) {
        fail(checkpointId, "its metadata could not be written: " + cause);
    }

    /** A task could not take its part of the checkpoint. */
    public void onDecline(TaskKey task, long checkpointId, String reason) {
        fail(checkpointId, "task " + task + " declined it: " + reason);
    }

    public void onTimeout(long checkpointId) {
        PendingCheckpoint checkpoint = pending.get(checkpointId);
        if (checkpoint != null) {
            fail(checkpointId, "it expired after " + settings.timeout().toMillis() + " ms with "
                    + checkpoint.pendingTasks() + " task(s) not acknowledged");
        }
    }

    private void fail(long checkpointId, String reason) {
        if (!pending.containsKey(checkpointId)) {
            return;
        }
        boolean savepoint = pending.get(checkpointId).type().isSavepoint();
        abort(checkpointId, reason, true);
        if (!savepoint && consecutiveFailures > settings.tolerableFailures()) {
            commands.failJob(new CheckpointException("Checkpoint " + checkpointId + " failed because " + reason
                    + "; " + consecutiveFailures + " checkpoint failure(s) in a row exceed the tolerated "
                    + settings.tolerableFailures() + " (execution.checkpointing.tolerable-failed-checkpoints)"));
        } else {
            afterPendingRemoved();
        }
    }

    private void abort(long checkpointId, String reason, boolean countsAsFailure) {
        PendingCheckpoint aborted = pending.remove(checkpointId);
        if (aborted == null) {
            return;
        }
        boolean savepoint = aborted.type().isSavepoint();
        if (countsAsFailure && !savepoint) {
            consecutiveFailures++;
        }
        commands.notifyCheckpointAborted(checkpointId, reason);
        commands.discard(checkpointId);
        if (savepoint) {
            commands.savepointFailed(checkpointId, aborted.type(), reason);
        }
    }

    private void abortAll(String reason, boolean countsAsFailure) {
        for (Long id : new ArrayList<>(pending.keySet())) {
            abort(id, reason, countsAsFailure);
        }
    }

    private void afterPendingRemoved() {
        if (triggerWhenPossible && state == State.RUNNING && pending.size() < settings.maxConcurrent()) {
            triggerWhenPossible = false;
            tryTrigger();
        }
    }

    /** The latest completed checkpoint, or {@code null}: where a failover restores from. */
    public CompletedCheckpoint latestCompleted() {
        return completed.peekLast();
    }

    public List<CompletedCheckpoint> retainedCheckpoints() {
        return List.copyOf(completed);
    }

    public int numPending() {
        return pending.size();
    }

    private void expect(State expected, String event) {
        if (state != expected) {
            throw new IllegalStateException("Checkpoint coordinator cannot " + event + " in state " + state);
        }
    }
}
