package io.weir.api.connector.source.lib;

import io.weir.api.connector.source.lib.util.IteratorSourceSplit;
import io.weir.api.functions.source.NumberSequenceIterator;

/**
 * A range of indexes {@code [from, to]}, both inclusive, read in ascending order (by the library's
 * readers, or by an {@code IteratorSourceReader} through its iterator).
 */
public record NumberSequenceSplit(String splitId, long from, long to)
        implements IteratorSourceSplit<Long, NumberSequenceIterator> {
    public NumberSequenceSplit {
        if (from > to) {
            throw new IllegalArgumentException("Empty split range [" + from + ", " + to + "]");
        }
    }

    @Override
    public NumberSequenceIterator getIterator() {
        return new NumberSequenceIterator(from, to);
    }

    /** The rest of this split that {@code iterator} has not returned; only while it has more. */
    @Override
    public NumberSequenceSplit getUpdatedSplitForIterator(NumberSequenceIterator iterator) {
        return new NumberSequenceSplit(splitId, iterator.getCurrent(), iterator.getTo());
    }

    /**
     * Divides {@code [from, to]} into {@code count} contiguous splits of nearly equal size, in order;
     * fewer when the range has fewer numbers than {@code count}.
     */
    public static java.util.List<NumberSequenceSplit> divide(long from, long to, int count) {
        java.util.List<NumberSequenceSplit> splits = new java.util.ArrayList<>();
        if (from > to) {
            return splits;
        }
        long total = to - from + 1;
        int n = (int) Math.min(count, total);
        long base = total / n;
        long extra = total % n;
        long start = from;
        for (int i = 0; i < n; i++) {
            long size = base + (i < extra ? 1 : 0);
            splits.add(new NumberSequenceSplit(String.valueOf(i), start, start + size - 1));
            start += size;
        }
        return splits;
    }
}
