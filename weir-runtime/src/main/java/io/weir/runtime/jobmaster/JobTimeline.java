package io.weir.runtime.jobmaster;

import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.TaskKey;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * When a job reached its statuses, when each subtask's current attempt started and ended, and the
 * failures of the job (its exception history: each failure that made the job restart or fail, with
 * the failures that happened while it was handled): what the monitoring snapshot
 * ({@link JobDetails}) reports. Only records; the life cycle decides. The history keeps the latest
 * {@link #FAILURE_HISTORY} failures, as Flink's {@code web.exception-history-size} default.
 *
 * <p>Threading: used on the JobMaster's main thread only.
 */
final class JobTimeline {
    private final Clock clock;
    private final Map<JobStatus, Long> reached = new EnumMap<>(JobStatus.class);
    static final int FAILURE_HISTORY = 16;

    private final Map<TaskKey, long[]> taskTimes = new HashMap<>();
    /** Newest first. */
    private final ArrayDeque<RootFailure> failures = new ArrayDeque<>();

    JobTimeline(Clock clock) {
        this.clock = clock;
        reached.put(JobStatus.CREATED, clock.millis());
    }

    void reached(JobStatus status) {
        reached.put(status, clock.millis());
    }

    /** The tasks of an attempt were deployed now; their end times are reset. */
    void deployed(Iterable<TaskKey> tasks) {
        long now = clock.millis();
        for (TaskKey task : tasks) {
            taskTimes.put(task, new long[] {now, -1});
        }
    }

    void taskEnded(TaskKey task) {
        long[] times = taskTimes.get(task);
        if (times != null && times[1] < 0) {
            times[1] = clock.millis();
        }
    }

    /**
     * Something failed: a task ({@code where} names it, {@code taskManagerId} where it ran, else
     * {@code null}) or the job as a whole. A root failure is one the job handles (by restarting or
     * failing); a failure while that is under way is concurrent to the latest root failure.
     */
    void failed(Throwable cause, String where, String taskManagerId, boolean root) {
        JobDetails.Failure failure = new JobDetails.Failure(clock.millis(), where, taskManagerId, cause, List.of());
        if (root || failures.isEmpty()) {
            failures.addFirst(new RootFailure(failure));
            if (failures.size() > FAILURE_HISTORY) {
                failures.removeLast();
            }
        } else if (failures.peekFirst().concurrent.size() < FAILURE_HISTORY) {
            failures.peekFirst().concurrent.add(failure);
        }
    }

    /** The job ended with {@code status}; {@code cause} and {@code where} when it failed. */
    void ended(JobStatus status, Throwable cause, String where) {
        reached(status);
        if (status == JobStatus.FAILED && cause != null
                && (failures.isEmpty() || failures.peekFirst().failure.exception() != cause)) {
            failed(cause, where, null, true);
        }
    }

    Map<JobStatus, Long> reached() {
        return new EnumMap<>(reached);
    }

    long created() {
        return reached.get(JobStatus.CREATED);
    }

    /** Start and end time (-1: not yet) of a task's current attempt; both -1 before deployment. */
    long[] times(TaskKey task) {
        long[] times = taskTimes.get(task);
        return times == null ? new long[] {-1, -1} : times.clone();
    }

    /** The exception history, newest first. */
    List<JobDetails.Failure> failures() {
        List<JobDetails.Failure> history = new ArrayList<>();
        for (RootFailure root : failures) {
            JobDetails.Failure f = root.failure;
            history.add(new JobDetails.Failure(f.timestamp(), f.taskName(), f.taskManagerId(), f.exception(),
                    List.copyOf(root.concurrent)));
        }
        return List.copyOf(history);
    }

    /** A root failure and the failures concurrent to it. */
    private static final class RootFailure {
        final JobDetails.Failure failure;
        final List<JobDetails.Failure> concurrent = new ArrayList<>();

        RootFailure(JobDetails.Failure failure) {
            this.failure = failure;
        }
    }
}
