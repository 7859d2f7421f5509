package io.weir.api.windowing.assigners;

import java.time.Duration;

/** Checks of the sizes given to the time-window assigners, with messages that name the assigner. */
final class WindowSizes {
    private WindowSizes() {}

    static long positive(Duration duration, String what) {
        long millis = duration.toMillis();
        if (millis <= 0) {
            throw new IllegalArgumentException(what + " must be positive, but is " + duration + ".");
        }
        return millis;
    }

    static long offset(Duration offset, long period, String assigner) {
        long millis = offset.toMillis();
        if (Math.abs(millis) >= period) {
            throw new IllegalArgumentException(assigner + ": the offset (" + millis + " ms) must be smaller in absolute"
                    + " value than the " + (assigner.startsWith("Sliding") ? "slide" : "size") + " (" + period + " ms).");
        }
        return millis;
    }
}
