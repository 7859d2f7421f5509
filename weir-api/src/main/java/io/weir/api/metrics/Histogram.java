package io.weir.api.metrics;

/** A distribution of long values, such as latencies or sizes, with its statistics. */
public interface Histogram extends Metric {
    void update(long value);

    /** How many values were recorded in total. */
    long getCount();

    /** Statistics over the values the histogram keeps (its window). */
    HistogramStatistics getStatistics();
}
