package io.weir.api.operators;

/**
 * The timers of one operator for one purpose (a name), scoped to the current key. Registering the
 * same (key, namespace, time) twice keeps one timer; deleting a timer that does not exist does
 * nothing. Event-time timers fire when a watermark at or past their time arrives, in timestamp
 * order; processing-time timers fire through the task's mailbox, never concurrently with elements.
 *
 * <p>Obtained with {@code AbstractStreamOperator.getInternalTimerService(name, namespaceSerializer,
 * triggerable)} on a keyed input. Threading: the task's thread only.
 */
public interface InternalTimerService<N> {
    long currentProcessingTime();

    /** The last watermark this operator received, {@code Long.MIN_VALUE} before the first. */
    long currentWatermark();

    void registerProcessingTimeTimer(N namespace, long time);

    void deleteProcessingTimeTimer(N namespace, long time);

    void registerEventTimeTimer(N namespace, long time);

    void deleteEventTimeTimer(N namespace, long time);
}
