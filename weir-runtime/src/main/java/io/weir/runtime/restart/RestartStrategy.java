package io.weir.runtime.restart;

import java.time.Duration;

/**
 * Decides whether a failed job restarts, and after how long. One instance lives as long as the job;
 * it remembers the failures it was told of.
 *
 * <p>Threading: used by the JobMaster's main thread only. Time is passed in, never read.
 */
public interface RestartStrategy {

    /**
     * The job failed at {@code nowMillis}: returns the delay before it restarts, or {@code null} if
     * it must not restart (the failure then fails the job).
     */
    Duration onFailure(long nowMillis);

    /** For the failure message of a job that is not restarted: what this strategy allowed. */
    String describe();
}
