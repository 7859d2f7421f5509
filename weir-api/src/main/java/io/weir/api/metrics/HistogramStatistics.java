package io.weir.api.metrics;

/** A snapshot of a histogram's values: quantiles, mean, spread, extremes. */
public abstract class HistogramStatistics {
    /** @param quantile between 0 and 1 */
    public abstract double getQuantile(double quantile);

    public abstract long[] getValues();

    public abstract int size();

    public abstract double getMean();

    public abstract double getStdDev();

    public abstract long getMax();

    public abstract long getMin();
}
