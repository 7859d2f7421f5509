package io.weir.connector.jdbc;

import java.io.Serializable;

/**
 * How a {@link JdbcSink} batches and retries: a batch is written when it holds {@code batchSize}
 * records, when {@code batchIntervalMs} passed since its first record (0: no interval flush), at
 * every checkpoint and at the end of the input. A batch that fails with a transient error is
 * retried up to {@code maxRetries} times, waiting {@code retryBackoffMs} before the first retry and
 * twice as long before each further one.
 */
public class JdbcExecutionOptions implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_SIZE = 5000;
    public static final long DEFAULT_INTERVAL_MILLIS = 0;
    public static final int DEFAULT_MAX_RETRY_TIMES = 3;
    public static final long DEFAULT_RETRY_BACKOFF_MILLIS = 1000;

    private final int batchSize;
    private final long batchIntervalMs;
    private final int maxRetries;
    private final long retryBackoffMs;

    private JdbcExecutionOptions(int batchSize, long batchIntervalMs, int maxRetries, long retryBackoffMs) {
        require(batchSize >= 1, "withBatchSize", "at least 1", batchSize);
        require(batchIntervalMs >= 0, "withBatchIntervalMs", "0 (off) or more", batchIntervalMs);
        require(maxRetries >= 0, "withMaxRetries", "0 or more", maxRetries);
        require(retryBackoffMs >= 0, "withRetryBackoffMs", "0 or more", retryBackoffMs);
        this.batchSize = batchSize;
        this.batchIntervalMs = batchIntervalMs;
        this.maxRetries = maxRetries;
        this.retryBackoffMs = retryBackoffMs;
    }

    private static void require(boolean valid, String setter, String allowed, long value) {
        if (!valid) {
            throw new IllegalArgumentException("JdbcExecutionOptions." + setter + " must be " + allowed + ", not " + value);
        }
    }

    public int getBatchSize() {
        return batchSize;
    }

    public long getBatchIntervalMs() {
        return batchIntervalMs;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public long getRetryBackoffMs() {
        return retryBackoffMs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static JdbcExecutionOptions defaults() {
        return builder().build();
    }

    /** Builds {@link JdbcExecutionOptions}. */
    public static final class Builder {
        private int batchSize = DEFAULT_SIZE;
        private long batchIntervalMs = DEFAULT_INTERVAL_MILLIS;
        private int maxRetries = DEFAULT_MAX_RETRY_TIMES;
        private long retryBackoffMs = DEFAULT_RETRY_BACKOFF_MILLIS;

        public Builder withBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder withBatchIntervalMs(long batchIntervalMs) {
            this.batchIntervalMs = batchIntervalMs;
            return this;
        }

        public Builder withMaxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** The wait before the first retry; it doubles for each further one. A Weir addition. */
        public Builder withRetryBackoffMs(long retryBackoffMs) {
            this.retryBackoffMs = retryBackoffMs;
            return this;
        }

        public JdbcExecutionOptions build() {
            return new JdbcExecutionOptions(batchSize, batchIntervalMs, maxRetries, retryBackoffMs);
        }
    }
}
