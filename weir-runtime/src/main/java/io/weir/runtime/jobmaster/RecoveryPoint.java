package io.weir.runtime.jobmaster;

import io.weir.api.configuration.StateRecoveryOptions;
import io.weir.runtime.checkpoint.CheckpointMetadata;
import io.weir.runtime.checkpoint.CheckpointStorage;
import io.weir.runtime.checkpoint.CompletedCheckpoint;
import io.weir.runtime.checkpoint.TaskKey;
import io.weir.runtime.checkpoint.TaskStateSnapshot;
import io.weir.runtime.graph.JobGraph;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where each attempt of a job starts from: the checkpoint or savepoint of
 * {@code execution.state-recovery.path} for the first attempt (if set), the latest completed
 * checkpoint after a restart, or nothing. Gives every task its state and resets the operator
 * coordinators to it.
 *
 * <p>Threading: used by the JobMaster's main thread only.
 */
final class RecoveryPoint {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryPoint.class);

    private final JobGraph job;
    private final CheckpointStorage storage;
    private final CompletedCheckpoint initial;
    private final Throwable initialError;
    private final boolean ignoreUnclaimedState;

    /** Reads {@code execution.state-recovery.path} (if set); a checkpoint that cannot be read fails the start. */
    RecoveryPoint(JobGraph job, CheckpointStorage storage) {
        this.job = job;
        this.storage = storage;
        this.ignoreUnclaimedState = job.getConfiguration().get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE);
        CompletedCheckpoint loaded = null;
        Throwable error = null;
        String path = job.getConfiguration().getOptional(StateRecoveryOptions.SAVEPOINT_PATH).orElse(null);
        if (path != null) {
            try {
                loaded = CheckpointMetadata.load(CheckpointStorage.resolve(path));
            } catch (Exception e) {
                error = new IllegalArgumentException("Cannot restore job '" + job.getName() + "' from '" + path
                        + "' (" + StateRecoveryOptions.SAVEPOINT_PATH.key() + "): " + e.getMessage(), e);
            }
        }
        this.initial = loaded;
        this.initialError = error;
    }

    /** The checkpoint the job starts from, or {@code null}. */
    CompletedCheckpoint initial() {
        return initial;
    }

    /** Throws why the job cannot start from {@code execution.state-recovery.path}, if it cannot. */
    void checkInitial() throws Throwable {
        if (initialError != null) {
            throw initialError;
        }
    }

    /**
     * The state of each task of {@code attempt} (and which tasks restore as finished), restoring {@code latest} (the latest completed
     * checkpoint, or for the first attempt without checkpointing the initial one), with the
     * coordinators reset to it; none (and coordinators reset to their start) when there is none.
     */
    StateRestore.RestoredState stateFor(int attempt, CompletedCheckpoint latest,
            OperatorCoordinators coordinators) throws Exception {
        if (latest == null) {
            if (attempt > 0) {
                coordinators.resetTo(-1, null);
            }
            return new StateRestore.RestoredState(TaskStateSnapshot.NO_CHECKPOINT, Map.of(), Map.of(), Set.of());
        }
        LOG.info("Job '{}' ({}) restores {} {}", job.getName(), job.getJobId(),
                latest == initial ? "from " + latest.externalPointer() + ", checkpoint" : "checkpoint", latest.id());
        StateRestore.RestoredState restored = StateRestore.assign(job, latest, storage,
                latest == initial && ignoreUnclaimedState);
        coordinators.resetTo(latest.id(), restored.coordinatorStates());
        if (!restored.finishedTasks().isEmpty()) {
            LOG.info("Job '{}' ({}): {} task(s) had finished before checkpoint {} and do not run again: {}",
                    job.getName(), job.getJobId(), restored.finishedTasks().size(), latest.id(),
                    restored.finishedTasks());
        }
        return restored;
    }
}
