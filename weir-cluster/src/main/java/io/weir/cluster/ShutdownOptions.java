package io.weir.cluster;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.time.Duration;

/** What a JobManager does with its running jobs when it is stopped (SIGTERM, {@code bin/weir stop-cluster}). */
public final class ShutdownOptions {
    private ShutdownOptions() {}

    public static final ConfigOption<String> SAVEPOINT_DIR = ConfigOptions.key("jobmanager.shutdown.savepoint-dir")
            .stringType().noDefaultValue()
            .withDescription("Set: a JobManager that is stopped first stops each running job with a savepoint in"
                    + " this directory (as bin/weir stop does), so the jobs can be resubmitted from there"
                    + " (bin/weir run -s). Unset: the jobs are cancelled (or, with high availability, left to the"
                    + " next leader, which resumes them from their latest checkpoints).");

    public static final ConfigOption<Duration> SAVEPOINT_TIMEOUT = ConfigOptions.key(
                    "jobmanager.shutdown.savepoint-timeout")
            .durationType().defaultValue(Duration.ofSeconds(60))
            .withDescription("How long a stopping JobManager waits for the savepoints of"
                    + " jobmanager.shutdown.savepoint-dir before it cancels the jobs that have none.");
}
