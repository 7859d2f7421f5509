package io.weir.api.windowing.windows;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.serializers.ImmutableValueSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The time interval {@code [start, end)} in milliseconds: {@code start} belongs to the window,
 * {@code end} does not, so {@link #maxTimestamp()} is {@code end - 1}.
 */
public final class TimeWindow extends Window {
    private final long start;
    private final long end;

    public TimeWindow(long start, long end) {
        this.start = start;
        this.end = end;
    }

    public long getStart() {
        return start;
    }

    public long getEnd() {
        return end;
    }

    @Override
    public long maxTimestamp() {
        return end - 1;
    }

    /** Whether the two windows overlap or touch (sessions that touch are merged). */
    public boolean intersects(TimeWindow other) {
        return this.start <= other.end && this.end >= other.start;
    }

    /** The smallest window that contains both. */
    public TimeWindow cover(TimeWindow other) {
        return new TimeWindow(Math.min(start, other.start), Math.max(end, other.end));
    }

    /**
     * The start of the window of length {@code windowSize} that contains {@code timestamp}, with
     * windows aligned to {@code offset} from the epoch: starts are {@code offset + k * windowSize}.
     * Works for negative timestamps and offsets (the remainder is taken towards minus infinity).
     */
    public static long getWindowStartWithOffset(long timestamp, long offset, long windowSize) {
        long remainder = (timestamp - offset) % windowSize;
        if (remainder < 0) {
            remainder += windowSize;
        }
        return timestamp - remainder;
    }

    /**
     * Merges overlapping windows: sorts them by start, covers each run of windows that intersect,
     * and reports each cover made of more than one window to {@code callback} as
     * (windows merged, result).
     */
    public static void mergeWindows(Collection<TimeWindow> windows,
            BiConsumer<Collection<TimeWindow>, TimeWindow> callback) {
        List<TimeWindow> sorted = new ArrayList<>(windows);
        sorted.sort((a, b) -> a.start != b.start ? Long.compare(a.start, b.start) : Long.compare(a.end, b.end));
        TimeWindow cover = null;
        List<TimeWindow> members = new ArrayList<>();
        for (TimeWindow window : sorted) {
            if (cover != null && !cover.intersects(window)) {
                if (members.size() > 1) {
                    callback.accept(members, cover);
                }
                members = new ArrayList<>();
                cover = null;
            }
            cover = cover == null ? window : cover.cover(window);
            members.add(window);
        }
        if (members.size() > 1) {
            callback.accept(members, cover);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindow w && w.start == start && w.end == end;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + Long.hashCode(end);
    }

    @Override
    public String toString() {
        return "TimeWindow{start=" + start + ", end=" + end + "}";
    }

    /** Writes a window as its start and end, 16 bytes. */
    public static final class Serializer extends ImmutableValueSerializer<TimeWindow> {
        private static final long serialVersionUID = 1L;

        public static final Serializer INSTANCE = new Serializer();

        @Override
        public TimeWindow createInstance() {
            return null;
        }

        @Override
        public int getLength() {
            return 16;
        }

        @Override
        public void serialize(TimeWindow record, DataOutputView target) throws IOException {
            target.writeLong(record.start);
            target.writeLong(record.end);
        }

        @Override
        public TimeWindow deserialize(DataInputView source) throws IOException {
            long start = source.readLong();
            return new TimeWindow(start, source.readLong());
        }
    }
}
