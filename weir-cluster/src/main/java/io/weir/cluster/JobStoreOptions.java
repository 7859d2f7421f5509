package io.weir.cluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;

/**
 * How long a JobManager remembers the jobs that ended (Flink's {@code jobstore.*}): until it has
 * more than {@link #MAX_CAPACITY} of them (the oldest goes first) or until one ended longer than
 * {@link #EXPIRATION_TIME} ago, so a JobManager that runs for months does not grow with every job.
 */
public final class JobStoreOptions {
    private JobStoreOptions() {}

    public static final ConfigOption<Integer> MAX_CAPACITY = ConfigOptions.key("jobstore.max-capacity")
            .intType().defaultValue(Integer.MAX_VALUE)
            .withValidation(n -> n >= 0, "not be negative")
            .withDescription("How many ended jobs a JobManager remembers (their status and result, for clients"
                    + " asking after a job ended); beyond it the one that ended first is forgotten.");

    /** In seconds, as Flink's (a duration type would read Flink's {@code 3600} as milliseconds). */
    public static final ConfigOption<Long> EXPIRATION_TIME = ConfigOptions.key("jobstore.expiration-time")
            .longType().defaultValue(3600L)
            .withValidation(n -> n >= 0, "not be negative")
            .withDescription("How long, in seconds, a JobManager remembers an ended job; afterwards questions"
                    + " about it are answered with 'This JobManager knows no job ...'.");
}
