package io.weir.api.metrics;

/** Events per second, such as records per second, with the total count of events. */
public interface Meter extends Metric {
    void markEvent();

    void markEvent(long n);

    /** Events per second, averaged over the meter's time span. */
    double getRate();

    long getCount();
}
