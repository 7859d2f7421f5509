package io.weir.cluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.time.Duration;

/**
 * How long a JobManager remembers the jobs that ended (Flink's {@code jobstore.*}): until it has
 * more than {@link #MAX_CAPACITY} of them (the oldest goes first) or until one ended longer than
 * {@link #EXPIRATION_TIME} ago, so a JobManager that runs for months does not grow with every job.
 */
public final class JobStoreOptions {
    private JobStoreOptions() {}

    public static final ConfigOption<Integer> MAX_CAPACITY = ConfigOptions.key("jobstore.max-capacity")
            .intType().defaultValue(Integer.MAX_VALUE)
            .withDescription("How many ended jobs a JobManager remembers (their status and result, for clients"
                    + " asking after a job ended); beyond it the one that ended first is forgotten.");

    public static final ConfigOption<Duration> EXPIRATION_TIME = ConfigOptions.key("jobstore.expiration-time")
            .durationType().defaultValue(Duration.ofHours(1))
            .withDescription("How long a JobManager remembers an ended job; afterwards questions about it are"
                    + " answered with 'This JobManager knows no job ...'.");
}
