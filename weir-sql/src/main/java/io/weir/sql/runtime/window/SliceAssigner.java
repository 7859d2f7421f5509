package io.weir.sql.runtime.window;

import java.io.Serializable;

/**
 * How the windows of a TUMBLE, HOP or CUMULATE window table function cut time into slices, for a
 * sliced window aggregate ({@link SlicedWindowAggregateFunction}). Every window is a run of whole
 * slices, so a row is accumulated once, into its slice, and a window's result merges its slices:
 * TUMBLE's slice is the window; HOP's is the greatest common divisor of size and slide (the slide
 * when it divides the size, as in Nexmark q5); CUMULATE's is the step. Windows are aligned to the
 * epoch as {@link WindowTableFunction} aligns them. A slice is named by its end (ms).
 */
public final class SliceAssigner implements Serializable {

    private static final long serialVersionUID = 1L;

    private final WindowTableFunction.Kind kind;
    private final long size;
    private final long step;
    private final long slice;

    /**
     * @param size the window size (HOP's size, CUMULATE's max size) in ms
     * @param step HOP's slide or CUMULATE's step in ms; TUMBLE's size
     */
    public SliceAssigner(WindowTableFunction.Kind kind, long size, long step) {
        if (size <= 0 || step <= 0) {
            throw new IllegalArgumentException("Window sizes must be positive, not " + size + " / " + step);
        }
        if (kind == WindowTableFunction.Kind.CUMULATE && size % step != 0) {
            throw new IllegalArgumentException("CUMULATE's max size " + size + " ms must be a multiple of its step "
                    + step + " ms");
        }
        this.kind = kind;
        this.size = size;
        this.step = step;
        this.slice = switch (kind) {
            case TUMBLE -> size;
            case HOP -> gcd(size, step);
            case CUMULATE -> step;
        };
    }

    /** The length of a slice in ms: the rows of slice {@code e} have times in {@code [e - slice, e)}. */
    public long sliceSize() {
        return slice;
    }

    /** The end of the first window that holds the slice ending at {@code sliceEnd}. */
    long firstWindowEnd(long sliceEnd) {
        return switch (kind) {
            case TUMBLE, CUMULATE -> sliceEnd;
            case HOP -> {
                long earliestStart = sliceEnd - size;
                long start = earliestStart + Math.floorMod(-earliestStart, step);
                yield start + size;
            }
        };
    }

    /** The end of the last window that holds the slice ending at {@code sliceEnd}. */
    long lastWindowEnd(long sliceEnd) {
        return switch (kind) {
            case TUMBLE -> sliceEnd;
            case HOP -> {
                long latestStart = sliceEnd - slice;
                yield latestStart - Math.floorMod(latestStart, step) + size;
            }
            case CUMULATE -> {
                long sliceStart = sliceEnd - slice;
                yield sliceStart - Math.floorMod(sliceStart, size) + size;
            }
        };
    }

    /** The distance between the ends of consecutive windows that share a slice. */
    long windowEndStep() {
        return kind == WindowTableFunction.Kind.TUMBLE ? size : step;
    }

    /** The latest window end at or before {@code time}: window ends are {@link #windowEndStep} apart. */
    long windowEndAtOrBefore(long time) {
        long phase = kind == WindowTableFunction.Kind.HOP ? Math.floorMod(size, step) : 0;
        return time - Math.floorMod(time - phase, windowEndStep());
    }

    /** The start of the window ending at {@code windowEnd}. */
    long windowStart(long windowEnd) {
        return switch (kind) {
            case TUMBLE, HOP -> windowEnd - size;
            case CUMULATE -> (windowEnd - 1) - Math.floorMod(windowEnd - 1, size);
        };
    }

    /**
     * Once the window ending at {@code windowEnd} has fired, the slices ending at or before the
     * returned time belong to no window still to fire.
     */
    long unneededUpTo(long windowEnd) {
        return switch (kind) {
            case TUMBLE -> windowEnd;
            case HOP -> windowEnd - size + step;
            case CUMULATE -> Math.floorMod(windowEnd, size) == 0 ? windowEnd : windowStart(windowEnd);
        };
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
