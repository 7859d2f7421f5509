package io.weir.api.metrics;

/**
 * A count that goes up (and, rarely, down): records processed, errors seen.
 *
 * <p>Threading: written by the thread that owns it (the task's), read by reporters on other
 * threads, which may see a slightly older value.
 */
public interface Counter extends Metric {
    void inc();

    void inc(long n);

    void dec();

    void dec(long n);

    long getCount();
}
