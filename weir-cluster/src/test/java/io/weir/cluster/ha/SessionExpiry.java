package io.weir.cluster.ha;

import org.apache.curator.test.KillSession;

/** Ends a process's ZooKeeper session as an outage longer than the session timeout would (for tests). */
public final class SessionExpiry {
    private SessionExpiry() {}

    /** The client sees its session expire now; ZooKeeper drops the session's nodes after its timeout. */
    public static void expire(ZooKeeperServices services) throws Exception {
        KillSession.kill(services.client().getZookeeperClient().getZooKeeper());
    }
}
