package io.weir.connector.file.sink.rollingpolicies;

import io.weir.connector.file.sink.PartFileInfo;
import io.weir.connector.file.sink.RollingPolicy;
import java.time.Duration;

/**
 * Rolls a part file when it reaches a size (128 MiB), when it has been open for an interval (1 min),
 * or when nothing was written to it for an interval (1 min) — checked before each element and at
 * each checkpoint — and at every checkpoint.
 */
public final class DefaultRollingPolicy<IN, BucketID> implements RollingPolicy<IN, BucketID> {
    private static final long serialVersionUID = 1L;

    private final long partSize;
    private final long rolloverInterval;
    private final long inactivityInterval;

    private DefaultRollingPolicy(long partSize, long rolloverInterval, long inactivityInterval) {
        this.partSize = partSize;
        this.rolloverInterval = rolloverInterval;
        this.inactivityInterval = inactivityInterval;
    }

    public static PolicyBuilder builder() {
        return new PolicyBuilder();
    }

    @Override
    public boolean shouldRollOnCheckpoint(PartFileInfo<BucketID> partFileState) {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<BucketID> partFileState, IN element) {
        return partFileState.getSize() > partSize;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<BucketID> partFileState, long currentTime) {
        return currentTime - partFileState.getCreationTime() >= rolloverInterval
                || currentTime - partFileState.getLastUpdateTime() >= inactivityInterval;
    }

    public long getMaxPartSize() {
        return partSize;
    }

    public long getRolloverInterval() {
        return rolloverInterval;
    }

    public long getInactivityInterval() {
        return inactivityInterval;
    }

    /** Sets the thresholds; each must be positive. */
    public static final class PolicyBuilder {
        private long partSize = 128L * 1024 * 1024;
        private long rolloverInterval = Duration.ofMinutes(1).toMillis();
        private long inactivityInterval = Duration.ofMinutes(1).toMillis();

        public PolicyBuilder withMaxPartSize(long bytes) {
            this.partSize = positive(bytes, "max part size");
            return this;
        }

        public PolicyBuilder withRolloverInterval(Duration interval) {
            this.rolloverInterval = positive(interval.toMillis(), "rollover interval");
            return this;
        }

        public PolicyBuilder withInactivityInterval(Duration interval) {
            this.inactivityInterval = positive(interval.toMillis(), "inactivity interval");
            return this;
        }

        public <IN, BucketID> DefaultRollingPolicy<IN, BucketID> build() {
            return new DefaultRollingPolicy<>(partSize, rolloverInterval, inactivityInterval);
        }

        private static long positive(long value, String what) {
            if (value <= 0) {
                throw new IllegalArgumentException("The " + what + " must be positive, got " + value);
            }
            return value;
        }
    }
}
