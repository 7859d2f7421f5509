package io.weir.runtime.configuration;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.time.Duration;

/** Settings of the job manager side: scheduling. */
public final class JobManagerOptions {
    private JobManagerOptions() {}

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How long a job waits for slots that other jobs hold before it fails.");

    public static final ConfigOption<String> RPC_ADDRESS = ConfigOptions.key("jobmanager.rpc.address")
            .stringType().defaultValue("localhost")
            .withDescription("Host of the cluster's JobManager: where TaskManagers register and clients submit jobs.");

    public static final ConfigOption<Integer> RPC_PORT = ConfigOptions.key("jobmanager.rpc.port")
            .intType().defaultValue(6123)
            .withValidation(p -> p >= 0 && p <= 65535, "be a port number (0 picks a free one)")
            .withDescription("Port of the JobManager's control plane (TaskManager registration, job submission).");

    public static final ConfigOption<Duration> HEARTBEAT_INTERVAL = ConfigOptions.key("heartbeat.interval")
            .durationType().defaultValue(Duration.ofSeconds(10))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How often a TaskManager tells the JobManager it is alive.");

    public static final ConfigOption<Duration> HEARTBEAT_TIMEOUT = ConfigOptions.key("heartbeat.timeout")
            .durationType().defaultValue(Duration.ofSeconds(50))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("A TaskManager silent for this long is lost: its slots are dropped and the jobs that"
                    + " ran tasks in it fail over from their latest checkpoint.");

    public static final ConfigOption<String> BLOB_STORAGE_DIRECTORY = ConfigOptions.key("blob.storage.directory")
            .stringType().noDefaultValue()
            .withDescription("Directory under which a cluster's JobManager keeps the uploaded jars of running jobs"
                    + " and a TaskManager its copies of them (each process in a new subdirectory, deleted when"
                    + " it stops). Unset: the system's temporary directory (java.io.tmpdir).");
}
