package io.weir.runtime.state;

import io.weir.api.state.StateTtlConfig;
import java.util.function.LongSupplier;

/**
 * The TTL rules of one state, applied by the TTL states: when a value expired, whether a read
 * refreshes it, whether an expired value may still be returned once. Time comes from the
 * backend's clock (the task's processing time).
 */
final class TtlPolicy {
    private final long ttlMillis;
    private final boolean updateOnRead;
    private final boolean returnExpired;
    private final LongSupplier clock;
    private final TtlIncrementalCleanup cleanup;

    TtlPolicy(StateTtlConfig config, LongSupplier clock, TtlIncrementalCleanup cleanup) {
        this.ttlMillis = config.getTimeToLive().toMillis();
        this.updateOnRead = config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
        this.returnExpired = config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
        this.clock = clock;
        this.cleanup = cleanup;
    }

    long now() {
        return clock.getAsLong();
    }

    boolean expired(TtlValue<?> value, long now) {
        return now - value.lastAccessTimestamp() >= ttlMillis;
    }

    boolean updateOnRead() {
        return updateOnRead;
    }

    boolean returnExpired() {
        return returnExpired;
    }

    <V> TtlValue<V> wrap(V value, long now) {
        return new TtlValue<>(value, now);
    }

    /** Called on every access to the state: checks a few entries of the state for expiry. */
    void onAccess() {
        if (cleanup != null) {
            cleanup.run();
        }
    }
}
