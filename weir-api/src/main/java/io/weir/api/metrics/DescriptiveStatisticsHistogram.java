package io.weir.api.metrics;

import java.util.Arrays;

/**
 * A {@link Histogram} over the last {@code windowSize} values, kept in a ring buffer: updating
 * writes one array slot and allocates nothing. Statistics sort a copy of the window.
 *
 * <p>Threading: {@link #update} by the owner thread; {@link #getStatistics} from any thread — the
 * method is synchronized with {@link #update}, which costs an uncontended lock per value, so
 * record a sample rather than every record on a hot path.
 */
public class DescriptiveStatisticsHistogram implements Histogram {
    private final long[] window;
    private long count;

    public DescriptiveStatisticsHistogram(int windowSize) {
        if (windowSize < 1) {
            throw new IllegalArgumentException("A histogram window holds at least one value, got " + windowSize);
        }
        this.window = new long[windowSize];
    }

    @Override
    public synchronized void update(long value) {
        window[(int) (count % window.length)] = value;
        count++;
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public HistogramStatistics getStatistics() {
        long[] values;
        synchronized (this) {
            values = Arrays.copyOf(window, (int) Math.min(count, window.length));
        }
        return new SortedStatistics(values);
    }

    /** Statistics over a sorted copy of the values. */
    private static final class SortedStatistics extends HistogramStatistics {
        private final long[] sorted;

        SortedStatistics(long[] values) {
            this.sorted = values;
            Arrays.sort(sorted);
        }

        /** The nearest-rank quantile; 0 for an empty window. */
        @Override
        public double getQuantile(double quantile) {
            if (quantile < 0 || quantile > 1 || Double.isNaN(quantile)) {
                throw new IllegalArgumentException("A quantile is between 0 and 1, got " + quantile);
            }
            if (sorted.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(quantile * sorted.length);
            return sorted[Math.max(0, rank - 1)];
        }

        @Override
        public long[] getValues() {
            return sorted.clone();
        }

        @Override
        public int size() {
            return sorted.length;
        }

        @Override
        public double getMean() {
            if (sorted.length == 0) {
                return 0;
            }
            double sum = 0;
            for (long v : sorted) {
                sum += v;
            }
            return sum / sorted.length;
        }

        @Override
        public double getStdDev() {
            if (sorted.length < 2) {
                return 0;
            }
            double mean = getMean();
            double squares = 0;
            for (long v : sorted) {
                squares += (v - mean) * (v - mean);
            }
            return Math.sqrt(squares / (sorted.length - 1));
        }

        @Override
        public long getMax() {
            return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
        }

        @Override
        public long getMin() {
            return sorted.length == 0 ? 0 : sorted[0];
        }
    }
}
