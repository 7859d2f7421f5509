package io.weir.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state: values not written (or, optionally, read) for the TTL expire and
 * are no longer returned. Set it on a state descriptor with
 * {@link StateDescriptor#enableTimeToLive(StateTtlConfig)}:
 *
 * <pre>{@code
 * StateTtlConfig ttl = StateTtlConfig.newBuilder(Duration.ofHours(1))
 *         .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
 *         .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
 *         .build();
 * descriptor.enableTimeToLive(ttl);
 * }</pre>
 *
 * <p>Time is the task's processing time (the test harnesses' manual clock in tests). List state
 * expires per element, map state per entry, the other kinds per value. Expired values are removed
 * when they are accessed and, with incremental cleanup (the default), a few entries are checked
 * on every state access (and, if asked, on every record).
 */
public final class StateTtlConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No TTL: state never expires. */
    public static final StateTtlConfig DISABLED = newBuilder(Duration.ofMillis(Long.MAX_VALUE))
            .setUpdateType(UpdateType.Disabled).build();

    /** When the last-access time of a value is refreshed. */
    public enum UpdateType {
        /** TTL is off. */
        Disabled,
        /** On creation and every write. */
        OnCreateAndWrite,
        /** On creation, every write and every read. */
        OnReadAndWrite
    }

    /** Whether an expired value that was not cleaned up yet may still be returned. */
    public enum StateVisibility {
        /** Return it if it is still stored (it is removed on that access). */
        ReturnExpiredIfNotCleanedUp,
        /** Never return an expired value. */
        NeverReturnExpired
    }

    /** The clock TTL is measured on: only processing time is supported (as in Flink). */
    public enum TtlTimeCharacteristic {
        ProcessingTime
    }

    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final TtlTimeCharacteristic ttlTimeCharacteristic;
    private final Duration ttl;
    private final CleanupStrategies cleanupStrategies;

    private StateTtlConfig(Builder builder) {
        this.updateType = builder.updateType;
        this.stateVisibility = builder.stateVisibility;
        this.ttlTimeCharacteristic = builder.ttlTimeCharacteristic;
        this.ttl = builder.ttl;
        this.cleanupStrategies = new CleanupStrategies(builder.cleanupFullSnapshot, builder.incrementalCleanup);
    }

    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    public UpdateType getUpdateType() {
        return updateType;
    }

    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return ttlTimeCharacteristic;
    }

    public Duration getTimeToLive() {
        return ttl;
    }

    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    public CleanupStrategies getCleanupStrategies() {
        return cleanupStrategies;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{updateType=" + updateType + ", stateVisibility=" + stateVisibility + ", ttl=" + ttl
                + ", cleanup=" + cleanupStrategies + "}";
    }

    /** Builds a {@link StateTtlConfig}; defaults: OnCreateAndWrite, NeverReturnExpired, incremental cleanup of 5. */
    public static final class Builder {
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private TtlTimeCharacteristic ttlTimeCharacteristic = TtlTimeCharacteristic.ProcessingTime;
        private Duration ttl;
        private boolean cleanupFullSnapshot;
        private IncrementalCleanupStrategy incrementalCleanup = new IncrementalCleanupStrategy(5, false);

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "updateType");
            return this;
        }

        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "stateVisibility");
            return this;
        }

        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic ttlTimeCharacteristic) {
            this.ttlTimeCharacteristic = Objects.requireNonNull(ttlTimeCharacteristic, "ttlTimeCharacteristic");
            return this;
        }

        public Builder useProcessingTime() {
            return setTtlTimeCharacteristic(TtlTimeCharacteristic.ProcessingTime);
        }

        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("The state TTL must be positive, got " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /**
         * Leaves expired state out of full snapshots. Accepted for Flink compatibility; Weir takes
         * no snapshots of state yet, so it has no effect today.
         */
        public Builder cleanupFullSnapshot() {
            this.cleanupFullSnapshot = true;
            return this;
        }

        /**
         * Checks {@code cleanupSize} entries for expiry on every access to the state and, if
         * {@code runCleanupForEveryRecord}, on every record the operator processes.
         */
        public Builder cleanupIncrementally(int cleanupSize, boolean runCleanupForEveryRecord) {
            if (cleanupSize <= 0) {
                throw new IllegalArgumentException("The incremental cleanup size must be positive, got " + cleanupSize);
            }
            this.incrementalCleanup = new IncrementalCleanupStrategy(cleanupSize, runCleanupForEveryRecord);
            return this;
        }

        /** Expired state is removed only when it is accessed. */
        public Builder disableCleanupInBackground() {
            this.incrementalCleanup = null;
            return this;
        }

        public StateTtlConfig build() {
            return new StateTtlConfig(this);
        }
    }

    /** How expired state is removed besides on access. */
    public static final class CleanupStrategies implements Serializable {
        private static final long serialVersionUID = 1L;

        private final boolean fullSnapshot;
        private final IncrementalCleanupStrategy incremental;

        CleanupStrategies(boolean fullSnapshot, IncrementalCleanupStrategy incremental) {
            this.fullSnapshot = fullSnapshot;
            this.incremental = incremental;
        }

        public boolean inFullSnapshot() {
            return fullSnapshot;
        }

        public boolean isCleanupInBackground() {
            return incremental != null;
        }

        /** The incremental cleanup, or {@code null} if disabled. */
        public IncrementalCleanupStrategy getIncrementalCleanupStrategy() {
            return incremental;
        }

        @Override
        public String toString() {
            return "{fullSnapshot=" + fullSnapshot + ", incremental=" + incremental + "}";
        }
    }

    /** Check a few entries per state access (and per record, if asked). */
    public static final class IncrementalCleanupStrategy implements Serializable {
        private static final long serialVersionUID = 1L;

        private final int cleanupSize;
        private final boolean runCleanupForEveryRecord;

        IncrementalCleanupStrategy(int cleanupSize, boolean runCleanupForEveryRecord) {
            this.cleanupSize = cleanupSize;
            this.runCleanupForEveryRecord = runCleanupForEveryRecord;
        }

        public int getCleanupSize() {
            return cleanupSize;
        }

        public boolean runCleanupForEveryRecord() {
            return runCleanupForEveryRecord;
        }

        @Override
        public String toString() {
            return "{size=" + cleanupSize + ", everyRecord=" + runCleanupForEveryRecord + "}";
        }
    }
}
