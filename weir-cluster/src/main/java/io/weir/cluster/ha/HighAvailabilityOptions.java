package io.weir.cluster.ha;

import io.weir.api.configuration.ConfigOption;
import io.weir.api.configuration.ConfigOptions;
import java.time.Duration;

/** Settings of JobManager high availability (Flink's {@code high-availability.*} keys). */
public final class HighAvailabilityOptions {
    private HighAvailabilityOptions() {}

    public static final ConfigOption<String> TYPE = ConfigOptions.key("high-availability.type")
            .stringType().defaultValue("NONE")
            .withValidation(t -> t.equalsIgnoreCase("NONE") || t.equalsIgnoreCase("ZOOKEEPER"),
                    "be NONE or ZOOKEEPER")
            .withDeprecatedKeys("high-availability")
            .withDescription("NONE: one JobManager, whose loss ends the cluster's jobs. ZOOKEEPER: several"
                    + " JobManagers elect a leader through ZooKeeper; a standby takes over the running jobs"
                    + " from their latest checkpoints when the leader is lost.");

    public static final ConfigOption<String> ZOOKEEPER_QUORUM = ConfigOptions.key("high-availability.zookeeper.quorum")
            .stringType().noDefaultValue()
            .withDescription("The ZooKeeper servers, host:port[,host:port...]; required with high-availability.type"
                    + " ZOOKEEPER.");

    public static final ConfigOption<String> STORAGE_DIR = ConfigOptions.key("high-availability.storageDir")
            .stringType().noDefaultValue()
            .withDescription("Directory (a path, file: or s3:// URI reachable by every JobManager) where the"
                    + " JobManagers keep the running jobs' graphs and jars, and the checkpoints of jobs that set no"
                    + " execution.checkpointing.dir; ZooKeeper holds only pointers to them. Required with"
                    + " high-availability.type ZOOKEEPER.");

    public static final ConfigOption<String> CLUSTER_ID = ConfigOptions.key("high-availability.cluster-id")
            .stringType().defaultValue("/default")
            .withDescription("Names the cluster, so that several clusters share one ZooKeeper and one storage"
                    + " directory: its nodes live under path.root/cluster-id.");

    public static final ConfigOption<String> ZOOKEEPER_ROOT = ConfigOptions.key("high-availability.zookeeper.path.root")
            .stringType().defaultValue("/weir")
            .withValidation(p -> p.startsWith("/") && p.length() > 1, "be an absolute ZooKeeper path such as /weir")
            .withDescription("The ZooKeeper node under which every Weir cluster keeps its nodes.");

    public static final ConfigOption<Duration> SESSION_TIMEOUT = ConfigOptions.key(
                    "high-availability.zookeeper.client.session-timeout")
            .durationType().defaultValue(Duration.ofSeconds(60))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("A JobManager silent towards ZooKeeper for this long loses its leadership (and a"
                    + " standby takes over): the bound on how long a crashed leader goes unnoticed.");

    public static final ConfigOption<Duration> CONNECTION_TIMEOUT = ConfigOptions.key(
                    "high-availability.zookeeper.client.connection-timeout")
            .durationType().defaultValue(Duration.ofSeconds(15))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How long a process waits for ZooKeeper when it starts before it gives up.");

    public static final ConfigOption<Duration> RETRY_WAIT = ConfigOptions.key(
                    "high-availability.zookeeper.client.retry-wait")
            .durationType().defaultValue(Duration.ofSeconds(5))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("The first pause before a failed ZooKeeper operation is tried again (it grows"
                    + " exponentially).");

    public static final ConfigOption<Integer> MAX_RETRY_ATTEMPTS = ConfigOptions.key(
                    "high-availability.zookeeper.client.max-retry-attempts")
            .intType().defaultValue(3)
            .withValidation(n -> n >= 0, "be 0 or more")
            .withDescription("How often a failed ZooKeeper operation is tried again before it fails.");

    public static final ConfigOption<Duration> LEADER_WAIT_TIMEOUT = ConfigOptions.key(
                    "high-availability.leader-wait-timeout")
            .durationType().defaultValue(Duration.ofMinutes(2))
            .withValidation(d -> !d.isNegative() && !d.isZero(), "be longer than 0")
            .withDescription("How long a TaskManager or client waits for a JobManager to lead the cluster (at start"
                    + " or after the leader was lost) before it gives up. Weir's own option.");

    /** Whether {@code configuration} turns ZooKeeper high availability on. */
    public static boolean isEnabled(io.weir.api.configuration.ReadableConfig configuration) {
        return configuration.get(TYPE).equalsIgnoreCase("ZOOKEEPER");
    }
}
