package io.weir.api.eventtime;

import java.time.Duration;
import java.util.Objects;

/**
 * How a source or stream gets event timestamps and watermarks: a {@link TimestampAssigner} (by
 * default records keep the timestamp their source gave them) and a {@link WatermarkGenerator}.
 * Pass one to {@code env.fromSource(...)} (watermarks per source split, merged in the reader) or to
 * {@code stream.assignTimestampsAndWatermarks(...)}.
 *
 * <pre>{@code
 * WatermarkStrategy.<Event>forBoundedOutOfOrderness(Duration.ofSeconds(5))
 *         .withTimestampAssigner((event, recordTimestamp) -> event.time)
 *         .withIdleness(Duration.ofMinutes(1));
 * }</pre>
 */
public interface WatermarkStrategy<T> extends TimestampAssignerSupplier<T>, WatermarkGeneratorSupplier<T> {

    @Override
    WatermarkGenerator<T> createWatermarkGenerator(WatermarkGeneratorSupplier.Context context);

    /** Records keep the timestamp they have; override (or use {@link #withTimestampAssigner}) to extract one. */
    @Override
    default TimestampAssigner<T> createTimestampAssigner(TimestampAssignerSupplier.Context context) {
        return new RecordTimestampAssigner<>();
    }

    /** True if this strategy generates watermarks; only {@link #noWatermarks()} does not. */
    default boolean generatesWatermarks() {
        return true;
    }

    /** This strategy's watermarks with timestamps from the given assigner. */
    default WatermarkStrategy<T> withTimestampAssigner(TimestampAssignerSupplier<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return new WatermarkStrategyWithTimestampAssigner<>(this, timestampAssigner);
    }

    /** This strategy's watermarks with timestamps from the given assigner (a lambda works). */
    default WatermarkStrategy<T> withTimestampAssigner(SerializableTimestampAssigner<T> timestampAssigner) {
        Objects.requireNonNull(timestampAssigner, "timestampAssigner");
        return new WatermarkStrategyWithTimestampAssigner<>(this, TimestampAssignerSupplier.of(timestampAssigner));
    }

    /**
     * Marks an input (a split, or a subtask) idle when it had no events for {@code idleTimeout} of
     * processing time, so that it does not hold back the watermark of the inputs that do have data.
     */
    default WatermarkStrategy<T> withIdleness(Duration idleTimeout) {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isZero() || idleTimeout.isNegative()) {
            throw new IllegalArgumentException("The idle timeout must be positive: " + idleTimeout);
        }
        return new WatermarkStrategyWithIdleness<>(this, idleTimeout);
    }

    /** For timestamps that never decrease: the watermark trails the highest timestamp by 1 ms. */
    static <T> WatermarkStrategy<T> forMonotonousTimestamps() {
        return context -> new AscendingTimestampsWatermarks<>();
    }

    /**
     * For events at most {@code maxOutOfOrderness} late: the watermark trails the highest
     * timestamp seen by that bound (plus 1 ms).
     */
    static <T> WatermarkStrategy<T> forBoundedOutOfOrderness(Duration maxOutOfOrderness) {
        Objects.requireNonNull(maxOutOfOrderness, "maxOutOfOrderness");
        if (maxOutOfOrderness.isNegative()) {
            throw new IllegalArgumentException("The out-of-orderness bound must not be negative: " + maxOutOfOrderness);
        }
        return context -> new BoundedOutOfOrdernessWatermarks<>(maxOutOfOrderness);
    }

    /** Watermarks from your own generator. */
    static <T> WatermarkStrategy<T> forGenerator(WatermarkGeneratorSupplier<T> generatorSupplier) {
        Objects.requireNonNull(generatorSupplier, "generatorSupplier");
        return generatorSupplier::createWatermarkGenerator;
    }

    /** No watermarks: records keep their source timestamps and event time advances only at the end of input. */
    static <T> WatermarkStrategy<T> noWatermarks() {
        return NoWatermarksStrategy.instance();
    }
}
