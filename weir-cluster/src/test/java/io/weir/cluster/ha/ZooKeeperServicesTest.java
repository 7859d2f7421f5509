package io.weir.cluster.ha;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.api.execution.JobID;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ZooKeeper side of high availability against a real ZooKeeper server in this JVM. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ZooKeeperServicesTest {
    private static TestingServer zooKeeper;

    @TempDir
    Path dir;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        zooKeeper = new TestingServer(true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    private Configuration configuration(String clusterId) {
        Configuration configuration = new Configuration();
        configuration.setString("high-availability.type", "zookeeper");
        configuration.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        configuration.setString("high-availability.storageDir", dir.resolve("ha").toString());
        configuration.setString("high-availability.cluster-id", clusterId);
        configuration.setString("high-availability.zookeeper.client.retry-wait", "100 ms");
        return configuration;
    }

    @Test
    void theNextJobManagerLeadsWhenTheLeaderGoesAndClientsFollowIt() throws Exception {
        InetSocketAddress first = new InetSocketAddress("127.0.0.1", 1111);
        InetSocketAddress second = new InetSocketAddress("127.0.0.1", 2222);
        try (ZooKeeperServices client = ZooKeeperServices.connect(configuration("/election"));
                LeaderRetriever leaders = client.leaderRetriever()) {
            ZooKeeperServices leaderServices = ZooKeeperServices.connect(configuration("/election"));
            LeaderElection leader = leaderServices.leaderElection("first");
            leader.start(() -> {});
            leader.awaitLeadership();
            leader.publish(new LeaderInfo(first, "http://127.0.0.1:8081", "s1"));
            LeaderInfo found = leaders.awaitLeader(null, Duration.ofSeconds(30));
            assertEquals("127.0.0.1:1111", found.rpcHostAndPort());
            assertEquals("http://127.0.0.1:8081", found.restUrl());
            assertEquals("s1", found.session(), "the leader session travels with the address");

            try (ZooKeeperServices standbyServices = ZooKeeperServices.connect(configuration("/election"));
                    LeaderElection standby = standbyServices.leaderElection("second")) {
                standby.start(() -> {});
                assertFalse(standby.isLeader());
                assertThrows(IllegalStateException.class, () -> standby.publish(new LeaderInfo(second, null, "s2")),
                        "a standby must not publish itself");
                leaderServices.close(); // the leader's session ends, and with it its latch node and address
                standby.awaitLeadership();
                standby.publish(new LeaderInfo(second, null, "s2"));
                LeaderInfo next = leaders.awaitLeader(found, Duration.ofSeconds(30));
                assertEquals("127.0.0.1:2222", next.rpcHostAndPort());
                assertEquals(null, next.restUrl());
            }
        }
    }

    @Test
    void storedJobsAndTheirLatestCheckpointsAreWhatTheNextLeaderReads() throws Exception {
        JobID job = JobID.generate();
        byte[] graph = {1, 2, 3};
        byte[] jar = {4, 5};
        try (ZooKeeperServices services = ZooKeeperServices.connect(configuration("/stores"))) {
            JobGraphStore graphs = services.jobGraphStore();
            CheckpointPointerStore checkpoints = services.checkpointPointers();
            graphs.put(job, graph, List.of("k1"), key -> Map.of("k1", jar).get(key));
            checkpoints.put(job, 7, "/checkpoints/chk-7");
            checkpoints.put(job, 8, "/checkpoints/chk-8");
        }
        try (ZooKeeperServices next = ZooKeeperServices.connect(configuration("/stores"))) {
            JobGraphStore graphs = next.jobGraphStore();
            List<JobGraphStore.StoredJob> stored = graphs.recoverAll();
            assertEquals(1, stored.size());
            assertEquals(job, stored.get(0).jobId());
            assertArrayEquals(graph, stored.get(0).graph());
            assertEquals(List.of("k1"), stored.get(0).jarKeys());
            assertArrayEquals(jar, graphs.readJar("k1"));
            assertEquals(Optional.of("/checkpoints/chk-8"), next.checkpointPointers().latest(job));

            graphs.remove(job, List.of("k1"), null);
            next.checkpointPointers().remove(job, null);
            assertEquals(List.of(), graphs.recoverAll());
            assertEquals(Optional.empty(), next.checkpointPointers().latest(job));
            assertFalse(Files.exists(dir.resolve("ha/stores/blobs/k1.jar")), "an unused jar is deleted");
            assertTrue(Files.isDirectory(dir.resolve("ha/stores/jobgraphs")));
        }
    }

    /**
     * A JobManager that lost its session but has not noticed yet must not remove the records of a job
     * the next leader relies on: its removals check its election node in the same transaction.
     */
    @Test
    void aRemovalByAJobManagerWhoseElectionNodeIsGoneRemovesNothing() throws Exception {
        JobID job = JobID.generate();
        try (ZooKeeperServices services = ZooKeeperServices.connect(configuration("/fenced-removal"))) {
            JobGraphStore graphs = services.jobGraphStore();
            CheckpointPointerStore checkpoints = services.checkpointPointers();
            String formerNode;
            try (ZooKeeperServices formerServices = ZooKeeperServices.connect(configuration("/fenced-removal"));
                    LeaderElection former = formerServices.leaderElection("former")) {
                former.start(() -> {});
                former.awaitLeadership();
                formerNode = former.latchNode();
                graphs.put(job, new byte[] {1}, List.of("k1"), key -> new byte[] {2});
                checkpoints.put(job, 1, "/checkpoints/chk-1");
            } // its session ends, and with it its election node

            IOException graphRemoval = assertThrows(IOException.class, () -> graphs.remove(job, List.of("k1"), formerNode));
            assertTrue(graphRemoval.getMessage().contains("no longer leads"), graphRemoval.getMessage());
            assertThrows(IOException.class, () -> checkpoints.remove(job, formerNode));
            assertEquals(1, graphs.recoverAll().size(), "the job stays recorded for the next leader");
            assertEquals(Optional.of("/checkpoints/chk-1"), checkpoints.latest(job));

            try (LeaderElection current = services.leaderElection("current")) {
                current.start(() -> {});
                current.awaitLeadership();
                graphs.remove(job, List.of("k1"), current.latchNode());
                checkpoints.remove(job, current.latchNode());
            }
            assertEquals(List.of(), graphs.recoverAll(), "the leader's own removal goes through");
            assertEquals(Optional.empty(), checkpoints.latest(job));
        }
    }

    @Test
    void anUnreachableZooKeeperIsNamedWithItsOption() {
        Configuration configuration = configuration("/x");
        configuration.setString("high-availability.zookeeper.quorum", "127.0.0.1:1");
        configuration.setString("high-availability.zookeeper.client.connection-timeout", "200 ms");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ZooKeeperServices.connect(configuration));
        assertTrue(e.getMessage().startsWith("Cannot reach ZooKeeper at 127.0.0.1:1 (high-availability.zookeeper.quorum)"
                + " within 200 ms (high-availability.zookeeper.client.connection-timeout)"), e.getMessage());
    }

    @Test
    void highAvailabilityWithoutQuorumOrStorageDirectorySaysWhatToSet() {
        Configuration noQuorum = new Configuration();
        noQuorum.setString("high-availability.type", "zookeeper");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ZooKeeperServices.connect(noQuorum))
                .getMessage().contains("high-availability.zookeeper.quorum is not set"));

        Configuration noStorage = configuration("/nostorage");
        noStorage.removeKey("high-availability.storageDir");
        try (ZooKeeperServices services = ZooKeeperServices.connect(noStorage)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, services::storageDirectory);
            assertTrue(e.getMessage().contains("high-availability.storageDir is not set"), e.getMessage());
        }
    }
}
