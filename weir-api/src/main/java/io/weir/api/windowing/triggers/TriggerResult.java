package io.weir.api.windowing.triggers;

/**
 * What a {@link Trigger} decides for a window: whether to evaluate it (fire: call the window
 * function on its contents) and whether to drop its contents (purge). Purging clears the elements
 * but not the window's trigger state or timers; the window lives on until its cleanup time.
 */
public enum TriggerResult {
    /** Do nothing. */
    CONTINUE(false, false),
    /** Evaluate the window, then drop its contents. */
    FIRE_AND_PURGE(true, true),
    /** Evaluate the window and keep its contents (a later firing sees them again). */
    FIRE(true, false),
    /** Drop the window's contents without evaluating it. */
    PURGE(false, true);

    private final boolean fire;
    private final boolean purge;

    TriggerResult(boolean fire, boolean purge) {
        this.fire = fire;
        this.purge = purge;
    }

    public boolean isFire() {
        return fire;
    }

    public boolean isPurge() {
        return purge;
    }
}
