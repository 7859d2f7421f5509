package io.weir.api.operators;

/** What runs when a processing-time timer registered with {@link ProcessingTimeService} fires. */
@FunctionalInterface
public interface ProcessingTimeCallback {
    /**
     * Called on the task's thread (through its mailbox, never concurrently with elements) once the
     * clock reached {@code time}, the time the callback was registered for.
     */
    void onProcessingTime(long time) throws Exception;
}
