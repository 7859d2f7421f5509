package io.weir.api.functions.source;

import java.util.NoSuchElementException;

/**
 * The longs {@code from..to} (both inclusive) in ascending order, splittable into contiguous
 * ranges of nearly equal size; the iterator of a {@code NumberSequenceSplit}.
 */
public class NumberSequenceIterator extends SplittableIterator<Long> {
    private static final long serialVersionUID = 1L;

    private final long to;
    private long current;

    /** @throws IllegalArgumentException if {@code from > to} */
    public NumberSequenceIterator(long from, long to) {
        if (from > to) {
            throw new IllegalArgumentException("A number sequence needs from <= to, got " + from + " > " + to);
        }
        this.current = from;
        this.to = to;
    }

    /** An iterator that has nothing left: for a range already read to its end. */
    private NumberSequenceIterator(long to) {
        this.current = to + 1;
        this.to = to;
    }

    /** The next number {@link #next()} returns, if {@link #hasNext()}. */
    public long getCurrent() {
        return current;
    }

    public long getTo() {
        return to;
    }

    @Override
    public boolean hasNext() {
        return current <= to;
    }

    @Override
    public Long next() {
        if (current > to) {
            throw new NoSuchElementException("the sequence ended at " + to);
        }
        return current++;
    }

    /** The remaining numbers in {@code numPartitions} contiguous ranges, in order; empty ranges where there are fewer numbers. */
    @Override
    public NumberSequenceIterator[] split(int numPartitions) {
        if (numPartitions < 1) {
            throw new IllegalArgumentException("numPartitions must be at least 1, got " + numPartitions);
        }
        NumberSequenceIterator[] parts = new NumberSequenceIterator[numPartitions];
        long remaining = hasNext() ? to - current + 1 : 0;
        long base = remaining / numPartitions;
        long extra = remaining % numPartitions;
        long start = current;
        for (int i = 0; i < numPartitions; i++) {
            long size = base + (i < extra ? 1 : 0);
            parts[i] = size == 0 ? new NumberSequenceIterator(start - 1) : new NumberSequenceIterator(start, start + size - 1);
            start += size;
        }
        return parts;
    }

    @Override
    public int getMaximumNumberOfSplits() {
        long remaining = hasNext() ? to - current + 1 : 0;
        return (int) Math.max(1, Math.min(remaining, Integer.MAX_VALUE));
    }
}
