package io.weir.api.operators.internal;

import io.weir.api.operators.InternalTimerService;
import io.weir.api.operators.Triggerable;
import io.weir.api.types.TypeSerializer;

/**
 * All timers of one keyed operator, grouped into named {@link InternalTimerService}s and stored
 * per key group with the operator's keyed state. Implemented by the runtime.
 *
 * <p>Threading: the task's thread only.
 */
public interface InternalTimerServices<K> {
    /**
     * The timer service with this name, created on first use. Timers fire into {@code triggerable}
     * with their key set as the current key. Asking again for the same name returns the same
     * service, which must use the same namespace serializer.
     */
    <N> InternalTimerService<N> getInternalTimerService(String name, TypeSerializer<N> namespaceSerializer,
            Triggerable<K, N> triggerable);

    /**
     * Event time advanced to {@code watermark}: fires, in timestamp order, every event-time timer at
     * or before it, over all services.
     */
    void advanceWatermark(long watermark) throws Exception;

    /** The last watermark passed to {@link #advanceWatermark}, {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();

    /** Number of event-time timers registered and not yet fired or deleted (for tests and metrics). */
    int numEventTimeTimers();

    /** Number of processing-time timers registered and not yet fired or deleted. */
    int numProcessingTimeTimers();
}
