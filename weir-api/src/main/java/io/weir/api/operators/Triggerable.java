package io.weir.api.operators;

/**
 * What an operator does when one of its timers fires. Called on the task's thread, with the
 * timer's key already set as the current key, so keyed state is scoped to it.
 */
public interface Triggerable<K, N> {
    /** An event-time timer fired: the watermark passed its timestamp. */
    void onEventTime(InternalTimer<K, N> timer) throws Exception;

    /** A processing-time timer fired: the wall clock passed its timestamp. */
    void onProcessingTime(InternalTimer<K, N> timer) throws Exception;
}
