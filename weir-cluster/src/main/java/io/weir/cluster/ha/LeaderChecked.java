package io.weir.cluster.ha;

import java.io.IOException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * A leader's removal from ZooKeeper, made in one transaction with a check that its election node
 * still exists: once its session is gone (and another JobManager may lead), the removal fails and
 * removes nothing.
 */
final class LeaderChecked {
    private LeaderChecked() {}

    /**
     * Deletes {@code path} if it exists, while {@code leaderNode} exists ({@code null}: unchecked).
     *
     * @param what what {@code path} is, for the message
     * @throws IOException if ZooKeeper fails, or {@code leaderNode} is gone (the caller no longer leads)
     */
    static void delete(CuratorFramework client, String path, String leaderNode, String what) throws IOException {
        try {
            if (client.checkExists().forPath(path) == null) {
                return; // nothing to remove
            }
            if (leaderNode == null) {
                client.delete().quietly().forPath(path);
                return;
            }
            client.transaction().forOperations(client.transactionOp().check().forPath(leaderNode),
                    client.transactionOp().delete().forPath(path));
        } catch (KeeperException.NoNodeException gone) {
            if (leaderNode != null && exists(client, leaderNode)) {
                return; // removed meanwhile by someone else: what was asked for holds
            }
            throw new IOException("Not removing " + what + " from ZooKeeper: this JobManager's election node "
                    + leaderNode + " is gone, so it no longer leads; the next leader keeps the record", gone);
        } catch (Exception e) {
            throw new IOException("Cannot remove " + what + " from ZooKeeper: " + e.getMessage(), e);
        }
    }

    private static boolean exists(CuratorFramework client, String node) {
        try {
            return client.checkExists().forPath(node) != null;
        } catch (Exception e) {
            return false;
        }
    }
}
