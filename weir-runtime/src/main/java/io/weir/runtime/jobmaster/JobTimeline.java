package io.weir.runtime.jobmaster;

import io.weir.api.execution.JobStatus;
import io.weir.runtime.checkpoint.TaskKey;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * When a job reached its statuses, when each subtask's current attempt started and ended, and what
 * failed the job: the times the monitoring snapshot ({@link JobDetails}) reports. Only records; the
 * life cycle decides.
 *
 * <p>Threading: used on the JobMaster's main thread only.
 */
final class JobTimeline {
    private final Clock clock;
    private final Map<JobStatus, Long> reached = new EnumMap<>(JobStatus.class);
    private final Map<TaskKey, long[]> taskTimes = new HashMap<>();
    private JobDetails.Failure failure;

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

    /** The job ended with {@code status}; {@code cause} and {@code where} when it failed. */
    void ended(JobStatus status, Throwable cause, String where) {
        reached(status);
        if (status == JobStatus.FAILED && cause != null) {
            failure = new JobDetails.Failure(clock.millis(), where, null, cause);
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

    JobDetails.Failure failure() {
        return failure;
    }
}
