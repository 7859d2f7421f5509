package io.weir.cluster.ha;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JobManager's part in the election of the cluster's leader (a Curator {@link LeaderLatch}): one
 * JobManager at a time leads; when its ZooKeeper session ends (it crashed, or was cut off longer
 * than the session timeout) the next one in line becomes leader. The leader publishes its addresses
 * ({@link #publish}) once it is ready to serve; they vanish with its session.
 *
 * <p>Leadership is lost when the connection to ZooKeeper is suspended or lost (Curator's standard
 * policy), before another JobManager can be elected: the listener given to {@link #start} must stop
 * this JobManager from acting as the leader.
 *
 * <p>Threading: {@link #awaitLeadership} blocks the calling thread; the listener runs on a Curator
 * thread.
 */
public final class LeaderElection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final CuratorFramework client;
    private final String participant;
    private volatile LeaderLatch latch;
    private LeaderLatchListener listener;
    private boolean closed;

    LeaderElection(CuratorFramework client, String participant) {
        this.client = client;
        this.participant = participant;
    }

    /** Joins the election; {@code onLost} runs if this JobManager led and lost its leadership. */
    public void start(Runnable onLost) {
        listener = new LeaderLatchListener() {
            @Override
            public void isLeader() {
                LOG.info("JobManager {} was elected leader", participant);
            }

            @Override
            public void notLeader() {
                LOG.error("JobManager {} lost its leadership (its ZooKeeper connection was suspended or lost)",
                        participant);
                onLost.run();
            }
        };
        latch = joined();
    }

    /**
     * Leaves the election and joins it again with a new latch, after this JobManager stepped down. A
     * latch that saw its session expire may miss the events that would make it leader again (its
     * connection events can arrive as RECONNECTED, then LOST), which left a cluster whose only
     * JobManager never led again; a new latch takes its place in the line afresh.
     */
    public synchronized void rejoin() {
        if (closed) {
            return;
        }
        LeaderLatch old = latch;
        try {
            old.close(LeaderLatch.CloseMode.SILENT);
        } catch (Exception e) {
            LOG.warn("Leaving the leader election to join it again failed", e);
        }
        latch = joined();
    }

    private LeaderLatch joined() {
        LeaderLatch joined = new LeaderLatch(client, ZooKeeperServices.LEADER_LATCH, participant);
        joined.addListener(listener);
        try {
            joined.start();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot join the leader election in ZooKeeper: " + e.getMessage(), e);
        }
        return joined;
    }

    /** Blocks until this JobManager leads. */
    public void awaitLeadership() throws InterruptedException {
        try {
            latch.await();
        } catch (java.io.EOFException e) {
            throw new IllegalStateException("The leader election was closed while waiting", e);
        }
    }

    public boolean isLeader() {
        return latch.hasLeadership();
    }

    /**
     * The ZooKeeper node of this JobManager's place in the election now (an ephemeral node of its
     * session): while it exists, this JobManager has not lost its session. A leader's removals check it
     * in the same transaction ({@link JobGraphStore#remove}), so that a leader which lost its session
     * without noticing yet cannot remove what the next leader relies on.
     */
    public String latchNode() {
        return latch.getOurPath();
    }

    /**
     * Publishes where this leader is reached, for TaskManagers and clients.
     *
     * @throws IllegalStateException if this JobManager does not lead, or ZooKeeper refuses the write
     */
    public void publish(LeaderInfo leader) {
        if (!latch.hasLeadership()) {
            throw new IllegalStateException("JobManager " + participant + " does not lead the cluster");
        }
        try {
            client.create().orSetData().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL)
                    .forPath(ZooKeeperServices.LEADER, leader.encode());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the leader's address in ZooKeeper: " + e.getMessage(), e);
        }
        LOG.info("Published the leader's addresses: control plane {}, REST {}", leader.rpcHostAndPort(), leader.restUrl());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (latch == null) {
            return; // never joined
        }
        try {
            latch.close(LeaderLatch.CloseMode.SILENT);
        } catch (Exception e) {
            LOG.warn("Leaving the leader election failed", e);
        }
    }
}
