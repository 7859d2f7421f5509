package io.weir.api.connector.datagen;

import java.io.Serializable;

/** How fast a {@link DataGeneratorSource} emits: unlimited, or a total number of records per second. */
public final class RateLimiterStrategy implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double recordsPerSecond;

    private RateLimiterStrategy(double recordsPerSecond) {
        this.recordsPerSecond = recordsPerSecond;
    }

    /** As fast as possible. */
    public static RateLimiterStrategy noOp() {
        return new RateLimiterStrategy(0);
    }

    /** At most {@code recordsPerSecond} records per second over all parallel readers together. */
    public static RateLimiterStrategy perSecond(double recordsPerSecond) {
        if (!(recordsPerSecond > 0)) {
            throw new IllegalArgumentException("The rate must be positive, got " + recordsPerSecond);
        }
        return new RateLimiterStrategy(recordsPerSecond);
    }

    /** The pace of one of {@code parallelism} readers, or 0 for unlimited. */
    public double perReader(int parallelism) {
        return recordsPerSecond <= 0 ? 0 : recordsPerSecond / parallelism;
    }
}
