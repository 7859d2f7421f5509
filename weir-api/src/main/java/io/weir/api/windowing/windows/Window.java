package io.weir.api.windowing.windows;

/**
 * A bucket of elements, identified by value: two equal windows are the same bucket. A window's
 * {@link #maxTimestamp()} is the last moment that still belongs to it; an event-time window is
 * complete once the watermark passes it, and its state is dropped after that plus the allowed
 * lateness.
 */
public abstract class Window {
    /** The largest timestamp that belongs to this window. */
    public abstract long maxTimestamp();
}
