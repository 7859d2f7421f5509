package io.weir.cluster;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.LeaderElection;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import io.weir.cluster.ha.ZooKeeperServices;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager of a highly available cluster: a standby until ZooKeeper elects it, then the leader (a
 * {@link JobManagerProcess} under a fresh leader session, which recovers the stored jobs and then
 * publishes its addresses and session), and a standby again when it loses the leadership — its
 * ZooKeeper connection was suspended or its session expired. Losing the leadership fences it at once
 * (its control plane refuses every call, {@link JobManagerProcess#fence}); it then stops its jobs here
 * without ending them for the cluster (they stay recorded, their checkpoints kept, for whichever
 * JobManager leads next — possibly this one again) and closes its ports, and joins the election anew.
 *
 * <p>Threading: a thread of its own takes up and gives up the leadership; the loss is signalled on a
 * Curator thread; the accessors and {@link #close} are safe from any thread.
 */
public final class HighlyAvailableJobManagerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HighlyAvailableJobManagerProcess.class);
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final Configuration configuration;
    private final ZooKeeperServices zooKeeper;
    private final LeaderElection election;
    /** Where the leader is, for the standby's REST endpoint. */
    private final LeaderRetriever leaders;
    private volatile StandbyRestEndpoint standbyRest;
    private final Consumer<JobManagerProcess> onLeading;
    private final Consumer<ZooKeeperServices> onStandby;
    /** Released when the leadership is lost, or when this JobManager stops. */
    private final Semaphore lost = new Semaphore(0);
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final Object lock = new Object();
    private final Thread thread;
    private JobManagerProcess leading; // guarded by lock
    private volatile boolean closed;

    private HighlyAvailableJobManagerProcess(Configuration configuration, ZooKeeperServices zooKeeper,
            Consumer<JobManagerProcess> onLeading, Consumer<ZooKeeperServices> onStandby) {
        this.configuration = configuration;
        this.zooKeeper = zooKeeper;
        this.onLeading = onLeading;
        this.onStandby = onStandby;
        this.election = zooKeeper.leaderElection("jobmanager-" + UUID.randomUUID());
        this.leaders = zooKeeper.leaderRetriever();
        this.thread = new Thread(this::run, "weir-leadership");
    }

    /**
     * Connects to ZooKeeper and joins the election; returns at once, a standby.
     *
     * @param onLeading told of each term as leader, once the JobManager serves
     * @param onStandby told each time the JobManager waits for the leadership (its standby REST endpoint serves)
     * @throws IllegalStateException if ZooKeeper cannot be reached; {@link IllegalArgumentException} if
     *     {@code high-availability.storageDir} is missing (checked now, not once elected)
     */
    public static HighlyAvailableJobManagerProcess start(Configuration configuration, Consumer<JobManagerProcess> onLeading,
            Consumer<ZooKeeperServices> onStandby) {
        ZooKeeperServices zooKeeper = ZooKeeperServices.connect(configuration);
        try {
            zooKeeper.storageDirectory();
            HighlyAvailableJobManagerProcess jobManager = new HighlyAvailableJobManagerProcess(configuration, zooKeeper, onLeading,
                    onStandby);
            jobManager.election.start(jobManager::leadershipLost);
            jobManager.thread.start();
            return jobManager;
        } catch (RuntimeException e) {
            zooKeeper.close();
            throw e;
        }
    }

    private void run() {
        try {
            while (!closed) {
                lost.drainPermits(); // a loss before this term began is not this term's
                JobManagerProcess jobManager = takeUpLeadership();
                if (jobManager == null) {
                    continue;
                }
                onLeading.accept(jobManager);
                lost.acquireUninterruptibly();
                synchronized (lock) {
                    leading = null;
                }
                jobManager.suspend();
                if (!closed) {
                    LOG.warn("JobManager {} gave up its leadership (session {}); its jobs stay recorded for the next"
                            + " leader, and it waits as a standby", jobManager.address(), jobManager.session());
                    election.rejoin();
                }
            }
            terminated.complete(null);
        } catch (RuntimeException e) {
            terminated.completeExceptionally(e);
        } catch (InterruptedException e) {
            terminated.complete(null);
        }
    }

    /**
     * Waits to be elected, serving the standby's REST endpoint meanwhile, and starts the leader;
     * {@code null} if the leadership was lost before it served.
     */
    private JobManagerProcess takeUpLeadership() throws InterruptedException {
        standbyRest = StandbyRestEndpoint.start(configuration, leaders).orElse(null);
        onStandby.accept(zooKeeper);
        try {
            election.awaitLeadership();
        } catch (IllegalStateException electionClosed) {
            if (closed) {
                return null;
            }
            throw electionClosed;
        } finally {
            if (standbyRest != null) {
                standbyRest.close(); // frees the port for the leader's REST API
                standbyRest = null;
            }
        }
        JobManagerProcess jobManager = new JobManagerProcess(configuration, zooKeeper, UUID.randomUUID().toString(),
                election.latchNode());
        synchronized (lock) {
            leading = jobManager;
        }
        try {
            election.publish(new LeaderInfo(jobManager.address(), jobManager.restUrl(), jobManager.session()));
            return jobManager;
        } catch (RuntimeException e) {
            synchronized (lock) {
                leading = null;
            }
            jobManager.suspend();
            if (closed || !election.isLeader()) {
                LOG.warn("JobManager lost its leadership before it served: {}", e.getMessage());
                return null;
            }
            throw e;
        }
    }

    /** On a Curator thread: refuse every call at once, and let the leadership thread step down. */
    private void leadershipLost() {
        synchronized (lock) {
            if (leading != null) {
                leading.fence();
            }
        }
        lost.release();
    }

    /** The JobManager while it leads, else {@code null}. */
    public JobManagerProcess leading() {
        synchronized (lock) {
            return leading;
        }
    }

    /** Where the standby's REST endpoint listens while this JobManager waits for the leadership, if it serves one. */
    public java.util.Optional<java.net.InetSocketAddress> standbyRestAddress() {
        StandbyRestEndpoint endpoint = standbyRest;
        return endpoint == null ? java.util.Optional.empty() : java.util.Optional.of(endpoint.address());
    }

    /** Completes when this JobManager stopped; exceptionally if it could not take up the leadership. */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /** The connection to ZooKeeper (for tests that expire its session). */
    ZooKeeperServices zooKeeper() {
        return zooKeeper;
    }

    /**
     * Stops: a leader first stops its jobs with savepoints if {@code jobmanager.shutdown.savepoint-dir} is
     * set, then refuses every call, then steps down (the jobs it still runs stay recorded for the next
     * leader); then it leaves the election and closes its ZooKeeper connection.
     */
    @Override
    public void close() {
        JobManagerProcess current = leading();
        if (current != null) {
            current.stopJobsWithSavepoints(); // while it still leads: with jobmanager.shutdown.savepoint-dir set
        }
        closed = true;
        leadershipLost();
        election.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_TIMEOUT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leaders.close();
        zooKeeper.close();
    }
}
