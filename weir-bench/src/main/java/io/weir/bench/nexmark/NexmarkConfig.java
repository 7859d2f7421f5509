package io.weir.bench.nexmark;

import java.io.Serializable;

/**
 * What fixes a Nexmark event sequence: the seed, the event-time rate and the event time of event 0.
 * Two generators with equal configs produce identical events, index by index.
 *
 * @param seed            seed of every random draw
 * @param eventsPerSecond event-time rate: event {@code i} happens at
 *                        {@code baseTimeMs + floor(i * 1000 / eventsPerSecond)}
 * @param baseTimeMs      event time of event 0, epoch milliseconds
 */
public record NexmarkConfig(long seed, long eventsPerSecond, long baseTimeMs) implements Serializable {
    public static final long DEFAULT_SEED = 42L;
    public static final long DEFAULT_EVENTS_PER_SECOND = 10_000_000L;
    /** 2023-11-14T22:13:20Z, a multiple of 10 s so that windows align with it. */
    public static final long DEFAULT_BASE_TIME_MS = 1_700_000_000_000L;

    public NexmarkConfig {
        if (eventsPerSecond <= 0) {
            throw new IllegalArgumentException("eventsPerSecond must be positive, got " + eventsPerSecond);
        }
    }

    public static NexmarkConfig defaults() {
        return new NexmarkConfig(DEFAULT_SEED, DEFAULT_EVENTS_PER_SECOND, DEFAULT_BASE_TIME_MS);
    }

    public NexmarkConfig withSeed(long newSeed) {
        return new NexmarkConfig(newSeed, eventsPerSecond, baseTimeMs);
    }

    public NexmarkConfig withEventsPerSecond(long newRate) {
        return new NexmarkConfig(seed, newRate, baseTimeMs);
    }
}
