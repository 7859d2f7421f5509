package io.weir.cluster.ha;

import io.weir.api.configuration.ReadableConfig;
import io.weir.api.fs.Path;
import io.weir.runtime.checkpoint.CheckpointStorage;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * A process's connection to the ZooKeeper of a highly available cluster, rooted at
 * {@code high-availability.zookeeper.path.root}/{@code high-availability.cluster-id}, and the
 * services built on it: leader election and publication for JobManagers, leader retrieval for
 * TaskManagers and clients, and the stores of running jobs and their latest checkpoints.
 *
 * <p>Nodes under the cluster's root: {@code /leaderlatch} (the election), {@code /leader} (the
 * leader's addresses, ephemeral), {@code /jobgraphs/<job id>} and {@code /checkpoints/<job id>}
 * (pointers into {@code high-availability.storageDir}).
 *
 * <p>Threading: safe for concurrent use; Curator runs its callbacks on its own threads.
 */
public final class ZooKeeperServices implements AutoCloseable {
    static final String LEADER_LATCH = "/leaderlatch";
    static final String LEADER = "/leader";
    static final String JOB_GRAPHS = "/jobgraphs";
    static final String CHECKPOINTS = "/checkpoints";

    private final CuratorFramework client;
    private final String quorum;
    private final String clusterId;
    private final ReadableConfig configuration;

    private ZooKeeperServices(CuratorFramework client, String quorum, String clusterId, ReadableConfig configuration) {
        this.client = client;
        this.quorum = quorum;
        this.clusterId = clusterId;
        this.configuration = configuration;
    }

    /**
     * Connects to {@code high-availability.zookeeper.quorum}; returns once connected.
     *
     * @throws IllegalArgumentException if the quorum is not set
     * @throws IllegalStateException if ZooKeeper cannot be reached within
     *     {@code high-availability.zookeeper.client.connection-timeout}, naming the quorum
     */
    public static ZooKeeperServices connect(ReadableConfig configuration) {
        String quorum = configuration.getOptional(HighAvailabilityOptions.ZOOKEEPER_QUORUM)
                .filter(q -> !q.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(HighAvailabilityOptions.TYPE.key() + " is ZOOKEEPER,"
                        + " but " + HighAvailabilityOptions.ZOOKEEPER_QUORUM.key() + " is not set: set it to the"
                        + " ZooKeeper servers, host:port[,host:port...]"));
        String clusterId = configuration.get(HighAvailabilityOptions.CLUSTER_ID);
        String namespace = (configuration.get(HighAvailabilityOptions.ZOOKEEPER_ROOT) + "/" + clusterId)
                .replaceAll("/+", "/").replaceAll("^/|/$", "");
        Duration connectionTimeout = configuration.get(HighAvailabilityOptions.CONNECTION_TIMEOUT);
        CuratorFramework client = CuratorFrameworkFactory.builder()
                .connectString(quorum)
                .sessionTimeoutMs(millis(configuration.get(HighAvailabilityOptions.SESSION_TIMEOUT)))
                .connectionTimeoutMs(millis(connectionTimeout))
                .retryPolicy(new ExponentialBackoffRetry(millis(configuration.get(HighAvailabilityOptions.RETRY_WAIT)),
                        configuration.get(HighAvailabilityOptions.MAX_RETRY_ATTEMPTS)))
                .namespace(namespace)
                .build();
        client.start();
        boolean connected;
        try {
            connected = client.blockUntilConnected(millis(connectionTimeout), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connected = false;
        }
        if (!connected) {
            client.close();
            throw new IllegalStateException("Cannot reach ZooKeeper at " + quorum + " ("
                    + HighAvailabilityOptions.ZOOKEEPER_QUORUM.key() + ") within " + connectionTimeout.toMillis()
                    + " ms (" + HighAvailabilityOptions.CONNECTION_TIMEOUT.key() + "): check that ZooKeeper runs and"
                    + " that the quorum names its servers");
        }
        return new ZooKeeperServices(client, quorum, clusterId, configuration);
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    /**
     * The cluster's directory under {@code high-availability.storageDir}, where the JobManagers keep
     * what ZooKeeper points to.
     *
     * @throws IllegalArgumentException if {@code high-availability.storageDir} is not set or on a file
     *     system Weir cannot reach
     */
    public Path storageDirectory() {
        String dir = configuration.getOptional(HighAvailabilityOptions.STORAGE_DIR).filter(d -> !d.isBlank())
                .orElseThrow(() -> new IllegalArgumentException(HighAvailabilityOptions.TYPE.key() + " is ZOOKEEPER,"
                        + " but " + HighAvailabilityOptions.STORAGE_DIR.key() + " is not set: set it to a directory"
                        + " every JobManager reaches (a shared path, or an s3:// URI) where the running jobs' graphs"
                        + " and jars are kept"));
        String cluster = clusterId.replaceAll("^/+|/+$", "");
        Path root;
        try {
            root = CheckpointStorage.resolve(dir);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(HighAvailabilityOptions.STORAGE_DIR.key() + " '" + dir + "': "
                    + e.getMessage(), e);
        }
        return cluster.isEmpty() ? root : new Path(root, cluster);
    }

    /** The servers, as configured: for messages. */
    public String quorum() {
        return quorum;
    }

    /** How long TaskManagers and clients wait for a leader ({@code high-availability.leader-wait-timeout}). */
    public Duration leaderWaitTimeout() {
        return configuration.get(HighAvailabilityOptions.LEADER_WAIT_TIMEOUT);
    }

    /** Where clients and TaskManagers find the leading JobManager. */
    public LeaderRetriever leaderRetriever() {
        return new LeaderRetriever(client, this);
    }

    /** Takes part in the JobManagers' election; {@link LeaderElection#start() start} it. */
    public LeaderElection leaderElection(String participant) {
        return new LeaderElection(client, participant);
    }

    /** The running jobs' graphs (and jars) in {@link #storageDirectory()}, pointed to from ZooKeeper. */
    public JobGraphStore jobGraphStore() {
        return new JobGraphStore(client, storageDirectory());
    }

    /** The latest completed checkpoint of each running job. */
    public CheckpointPointerStore checkpointPointers() {
        return new CheckpointPointerStore(client);
    }

    CuratorFramework client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public String toString() {
        return "ZooKeeper " + quorum + " (cluster " + clusterId + ")";
    }
}
