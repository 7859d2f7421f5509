package io.weir.api.execution;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a finished job returns to {@code execute()}: its id, how long it ran, and the results of its
 * accumulators, merged over all parallel subtasks.
 */
public class JobExecutionResult {
    private final JobID jobId;
    private final long netRuntimeMillis;
    private final Map<String, Object> accumulatorResults;
    private final Map<String, String> accumulatorFailures;

    public JobExecutionResult(JobID jobId, long netRuntimeMillis) {
        this(jobId, netRuntimeMillis, Map.of(), Map.of());
    }

    /**
     * @param accumulatorResults the merged value of each accumulator, by name
     * @param accumulatorFailures why an accumulator has no result (its subtasks' values could not be merged), by name
     */
    public JobExecutionResult(JobID jobId, long netRuntimeMillis, Map<String, Object> accumulatorResults,
            Map<String, String> accumulatorFailures) {
        this.jobId = jobId;
        this.netRuntimeMillis = netRuntimeMillis;
        this.accumulatorResults = Map.copyOf(accumulatorResults);
        this.accumulatorFailures = Map.copyOf(accumulatorFailures);
    }

    public JobID getJobID() {
        return jobId;
    }

    /** Time from the start of the job's tasks to the end of the last one, in milliseconds. */
    public long getNetRuntime() {
        return netRuntimeMillis;
    }

    public long getNetRuntime(TimeUnit unit) {
        return unit.convert(netRuntimeMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * The merged result of the accumulator registered under {@code accumulatorName}, or {@code null}
     * if no subtask registered one.
     *
     * @throws UnsupportedOperationException if subtasks registered accumulators of different types under the name
     */
    @SuppressWarnings("unchecked")
    public <T> T getAccumulatorResult(String accumulatorName) {
        String failure = accumulatorFailures.get(accumulatorName);
        if (failure != null) {
            throw new UnsupportedOperationException(failure);
        }
        return (T) accumulatorResults.get(accumulatorName);
    }

    /**
     * All accumulator results by name.
     *
     * @throws UnsupportedOperationException if one of them could not be merged
     */
    public Map<String, Object> getAllAccumulatorResults() {
        if (!accumulatorFailures.isEmpty()) {
            throw new UnsupportedOperationException(String.join(" ", new TreeMap<>(accumulatorFailures).values()));
        }
        return accumulatorResults;
    }

    @Override
    public String toString() {
        return "JobExecutionResult{job=" + jobId + ", netRuntime=" + netRuntimeMillis + " ms, accumulators="
                + new TreeMap<>(accumulatorResults) + "}";
    }
}
