package io.weir.cluster;

import io.weir.api.execution.JobExecutionException;
import io.weir.api.execution.JobID;
import io.weir.api.execution.JobStatus;
import io.weir.cluster.DispatcherGateway.JobOutcome;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the dispatcher remembers of the jobs that ended, for clients that ask after the end: a
 * job's final status and its outcome or failure, never its graph or JobMaster, so no class of the
 * job stays reachable (a failure thrown by a class of the job is kept as a copy made of the
 * process's classes). Bounded by {@code jobstore.max-capacity} (the job that ended first is
 * forgotten first) and {@code jobstore.expiration-time}.
 *
 * <p>Threading: safe for concurrent use (one lock, held only for map operations).
 */
final class EndedJobs {
    /** A job that ended: with its outcome if it finished, else with why it did not. */
    record EndedJob(JobStatus status, JobOutcome outcome, Throwable failure, long endMillis) {}

    private final int capacity;
    private final Duration expiration;
    private final Clock clock;
    /** In the order the jobs ended. */
    private final Map<JobID, EndedJob> jobs = new LinkedHashMap<>();

    EndedJobs(int capacity, Duration expiration, Clock clock) {
        if (capacity < 0) {
            throw new IllegalArgumentException(JobStoreOptions.MAX_CAPACITY.key() + " must be 0 or more, got "
                    + capacity);
        }
        if (expiration.isNegative()) {
            throw new IllegalArgumentException(JobStoreOptions.EXPIRATION_TIME.key() + " must not be negative, got "
                    + expiration);
        }
        this.capacity = capacity;
        this.expiration = expiration;
        this.clock = clock;
    }

    /** Remembers a job that ended now, forgetting the oldest ones beyond the bounds. */
    void add(JobID job, JobStatus status, JobOutcome outcome, Throwable failure) {
        synchronized (jobs) {
            jobs.remove(job);
            jobs.put(job, new EndedJob(status, outcome, failure, clock.millis()));
            forgetExpired();
            Iterator<JobID> oldest = jobs.keySet().iterator();
            while (jobs.size() > capacity) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** The ended job, or {@code null} if it did not end here or was forgotten. */
    EndedJob get(JobID job) {
        synchronized (jobs) {
            forgetExpired();
            return jobs.get(job);
        }
    }

    /** How many ended jobs are remembered now. */
    int size() {
        synchronized (jobs) {
            forgetExpired();
            return jobs.size();
        }
    }

    private void forgetExpired() {
        long oldestKept = clock.millis() - expiration.toMillis();
        Iterator<EndedJob> byAge = jobs.values().iterator();
        while (byAge.hasNext() && byAge.next().endMillis() < oldestKept) {
            byAge.remove();
        }
    }

    /**
     * {@code failure} itself if every throwable of its cause chain is a class of the process
     * ({@code processClassLoader} or its ancestors) and none has suppressed ones, else a copy: the
     * job's {@link JobExecutionException} with the same message over a chain of
     * {@link RuntimeException}s, each with the class name, message and stack trace of the one it
     * replaces. Keeping the original would keep the class loader of the job that threw it.
     */
    static Throwable withoutJobClasses(Throwable failure, ClassLoader processClassLoader) {
        boolean foreign = false;
        List<Throwable> seen = new ArrayList<>();
        for (Throwable t = failure; t != null && !seen.contains(t); t = t.getCause()) {
            seen.add(t);
            foreign |= !isProcessClass(t.getClass(), processClassLoader) || t.getSuppressed().length > 0;
        }
        if (!foreign) {
            return failure;
        }
        if (failure instanceof JobExecutionException top && isProcessClass(top.getClass(), processClassLoader)) {
            Throwable copy = new JobExecutionException(top.getJobID(), top.getMessage(), copied(top.getCause()));
            copy.setStackTrace(top.getStackTrace());
            return copy;
        }
        return copied(failure);
    }

    private static Throwable copied(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable original = chain.get(i);
            Throwable replaced = new RuntimeException(original.toString(), copy);
            replaced.setStackTrace(original.getStackTrace());
            copy = replaced;
        }
        return copy;
    }

    private static boolean isProcessClass(Class<?> type, ClassLoader processClassLoader) {
        ClassLoader loader = type.getClassLoader();
        for (ClassLoader l = processClassLoader; l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return loader == null;
    }
}
