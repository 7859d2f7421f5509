package io.weir.api.connector.datagen;

import java.io.Serializable;

/**
 * How fast a {@link DataGeneratorSource} emits: unlimited, a total number of records per second, or
 * a number of records per checkpoint (then the source waits for the next completed checkpoint).
 */
public final class RateLimiterStrategy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double recordsPerSecond;
    private final long recordsPerCheckpoint;

    private RateLimiterStrategy(double recordsPerSecond, long recordsPerCheckpoint) {
        this.recordsPerSecond = recordsPerSecond;
        this.recordsPerCheckpoint = recordsPerCheckpoint;
    }

    /** As fast as possible. */
    public static RateLimiterStrategy noOp() {
        return new RateLimiterStrategy(0, 0);
    }

    /** At most {@code recordsPerSecond} records per second over all parallel readers together. */
    public static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("The rate must be positive, got " + recordsPerSecond);
        }
        return new RateLimiterStrategy(recordsPerSecond, 0);
    }

    /**
     * {@code recordsPerCheckpoint} records over all parallel readers together before the first
     * checkpoint and between two completed checkpoints: each reader emits its share, then waits until
     * a checkpoint completes. A job using it must enable checkpointing, or the source stops after the
     * first share. Tests use it to place a failure after a checkpoint whatever the machine's speed.
     */
    public static RateLimiterStrategy perCheckpoint(int recordsPerCheckpoint) {
        if (recordsPerCheckpoint <= 0) {
            throw new IllegalArgumentException("The records per checkpoint must be positive, got " + recordsPerCheckpoint);
        }
        return new RateLimiterStrategy(0, recordsPerCheckpoint);
    }

    /** The pace of one of {@code parallelism} readers in records per second, or 0 for none. */
    public double perReader(int parallelism) {
        return recordsPerSecond <= 0 ? 0 : recordsPerSecond / parallelism;
    }

    /**
     * The records one of {@code parallelism} readers emits per checkpoint, or 0 for no such limit.
     *
     * @throws IllegalArgumentException if the records per checkpoint are fewer than the readers
     */
    public long perReaderPerCheckpoint(int parallelism) {
        if (recordsPerCheckpoint == 0) {
            return 0;
        }
        if (recordsPerCheckpoint < parallelism) {
            throw new IllegalArgumentException("RateLimiterStrategy.perCheckpoint(" + recordsPerCheckpoint
                    + ") gives less than one record per checkpoint to each of the source's " + parallelism
                    + " parallel readers: allow at least " + parallelism + " records per checkpoint, or lower the parallelism");
        }
        return recordsPerCheckpoint / parallelism;
    }
}
