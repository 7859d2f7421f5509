package io.weir.cluster.ha;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows which JobManager leads the cluster, as published in ZooKeeper: the current leader, a wait
 * for one (or for a different one after a loss), and a listener told of every change ({@code null}
 * while no leader is published).
 *
 * <p>Threading: safe for concurrent use; listeners run on Curator's cache thread, one change at a
 * time, in order.
 */
public final class LeaderRetriever implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderRetriever.class);

    private final CuratorCache cache;
    private final ZooKeeperServices services;
    private final List<Consumer<LeaderInfo>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private LeaderInfo current;
    private final java.util.concurrent.CountDownLatch initialized = new java.util.concurrent.CountDownLatch(1);

    LeaderRetriever(CuratorFramework client, ZooKeeperServices services) {
        this.services = services;
        this.cache = CuratorCache.build(client, ZooKeeperServices.LEADER, CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable().addListener(CuratorCacheListener.builder()
                .forCreatesAndChanges((before, after) -> changed(after))
                .forDeletes(deleted -> changed(null))
                .forInitialized(initialized::countDown)
                .build());
        cache.start();
        try { // so that current() tells what ZooKeeper holds from the start
            if (!initialized.await(services.leaderWaitTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The leader's node in {} was not read within {}", services, services.leaderWaitTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void changed(ChildData node) {
        LeaderInfo leader = null;
        if (node != null && node.getData() != null) {
            try {
                leader = LeaderInfo.decode(node.getData());
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring an unreadable leader node: {}", e.getMessage());
            }
        }
        synchronized (lock) {
            if (Objects.equals(leader, current)) {
                return;
            }
            current = leader;
            lock.notifyAll();
        }
        LOG.info(leader == null ? "No JobManager leads the cluster at the moment" : "The leading JobManager is at {}",
                leader == null ? null : leader.rpcHostAndPort());
        for (Consumer<LeaderInfo> listener : listeners) {
            listener.accept(leader);
        }
    }

    /** Tells {@code listener} of every later change of leader ({@code null}: none at the moment). */
    public void addListener(Consumer<LeaderInfo> listener) {
        listeners.add(listener);
    }

    /** The leader now, or {@code null}. */
    public LeaderInfo current() {
        synchronized (lock) {
            return current;
        }
    }

    /**
     * Waits up to {@code timeout} for a leader other than {@code previous} (a different JobManager, or
     * the same one elected again under a new session; any leader if {@code previous} is {@code null}).
     *
     * @throws TimeoutException naming ZooKeeper and the setting to raise
     */
    public LeaderInfo awaitLeader(LeaderInfo previous, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (current == null || current.equals(previous)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException("No JobManager " + (previous == null ? ""
                            : "other than " + previous.rpcHostAndPort() + " (session " + previous.session() + ") ")
                            + "leads the cluster in " + services + " after " + timeout.toSeconds() + " s ("
                            + HighAvailabilityOptions.LEADER_WAIT_TIMEOUT.key() + "): start a JobManager with the same "
                            + HighAvailabilityOptions.ZOOKEEPER_QUORUM.key() + " and "
                            + HighAvailabilityOptions.CLUSTER_ID.key());
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return current;
        }
    }

    /** Waits up to {@code high-availability.leader-wait-timeout} for any leader. */
    public LeaderInfo awaitLeader() throws InterruptedException, TimeoutException {
        return awaitLeader(null, services.leaderWaitTimeout());
    }

    @Override
    public void close() {
        cache.close();
    }
}
