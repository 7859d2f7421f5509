package io.weir.api.eventtime;

import java.io.Serializable;

/** Creates a {@link TimestampAssigner} for each input at run time. */
@FunctionalInterface
public interface TimestampAssignerSupplier<T> extends Serializable {
    TimestampAssigner<T> createTimestampAssigner(Context context);

    /** What the runtime offers an assigner being created (nothing yet; kept for Flink's signature). */
    interface Context {}

    /** A supplier that hands out {@code assigner} itself. */
    static <T> TimestampAssignerSupplier<T> of(SerializableTimestampAssigner<T> assigner) {
        return context -> assigner;
    }
}
