package io.weir.api.functions.async;

import java.io.Serializable;

/**
 * When and how often an async call is tried again. Attempts are counted from 1 (the first call);
 * retries all happen within the one timeout of the input.
 */
public interface AsyncRetryStrategy<OUT> extends Serializable {
    /** Whether another attempt may follow attempt number {@code currentAttempts}. */
    boolean canRetry(int currentAttempts);

    /** How long to wait before the next attempt after attempt number {@code currentAttempts}. */
    long getBackoffTimeMillis(int currentAttempts);

    AsyncRetryPredicate<OUT> getRetryPredicate();
}
