package io.weir.api.eventtime;

/**
 * A clock for measuring durations (not wall-clock dates). The runtime hands generators the task's
 * processing-time clock, so tests with a manual clock drive idleness deterministically.
 */
@FunctionalInterface
public interface RelativeClock {
    long relativeTimeMillis();
}
