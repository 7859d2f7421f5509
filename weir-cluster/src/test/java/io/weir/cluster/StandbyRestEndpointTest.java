package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.LeaderElection;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.runtime.configuration.JobManagerOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby JobManager's REST port, against a real ZooKeeper server in this JVM: while another
 * participant leads, the standby redirects every request to the leader's REST API, or answers 503
 * saying why while no leader's REST API is known.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class StandbyRestEndpointTest {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TempDir
    Path dir;

    private Configuration configuration(TestingServer zooKeeper) {
        Configuration configuration = new Configuration()
                .set(JobManagerOptions.RPC_ADDRESS, "127.0.0.1")
                .set(JobManagerOptions.RPC_PORT, 0);
        configuration.setString("rest.port", "0");
        configuration.setString("rest.bind-address", "127.0.0.1");
        configuration.setString("high-availability.type", "zookeeper");
        configuration.setString("high-availability.zookeeper.quorum", zooKeeper.getConnectString());
        configuration.setString("high-availability.storageDir", dir.resolve("ha").toString());
        configuration.setString("high-availability.cluster-id", "/standby-rest");
        return configuration;
    }

    /** Starts a JobManager and returns once it waits as a standby, its REST endpoint serving. */
    private static HighlyAvailableJobManagerProcess standby(Configuration configuration) throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        HighlyAvailableJobManagerProcess jobManager = HighlyAvailableJobManagerProcess.start(configuration, leading -> {},
                zooKeeper -> waiting.countDown());
        assertTrue(waiting.await(30, TimeUnit.SECONDS), "the JobManager waits as a standby");
        return jobManager;
    }

    private HttpResponse<String> get(InetSocketAddress server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aStandbyRedirectsToTheLeadersRestApiOrSaysWhyItCannot() throws Exception {
        try (TestingServer zooKeeper = new TestingServer(true)) {
            Configuration configuration = configuration(zooKeeper);
            try (ZooKeeperServices leaderServices = ZooKeeperServices.connect(configuration);
                    LeaderElection leader = leaderServices.leaderElection("leader-in-the-test")) {
                leader.start(() -> {});
                leader.awaitLeadership(); // leads, but has published nothing yet

                try (HighlyAvailableJobManagerProcess first = standby(configuration)) {
                    InetSocketAddress rest = first.standbyRestAddress().orElseThrow();
                    HttpResponse<String> unavailable = get(rest, "/jobs/overview");
                    assertEquals(503, unavailable.statusCode());
                    assertEquals("5", unavailable.headers().firstValue("Retry-After").orElse(null));
                    assertTrue(unavailable.body().startsWith("{\"errors\":[\"This JobManager is a standby, and no"
                            + " JobManager leads the cluster at the moment"), unavailable.body());
                    assertTrue(first.leading() == null, "it does not lead");
                }

                leader.publish(new LeaderInfo(new InetSocketAddress("127.0.0.1", 6123), null, "s1"));
                try (HighlyAvailableJobManagerProcess second = standby(configuration)) {
                    HttpResponse<String> noApi = get(second.standbyRestAddress().orElseThrow(), "/jobs/overview");
                    assertEquals(503, noApi.statusCode());
                    assertTrue(noApi.body().contains("the leading JobManager (127.0.0.1:6123) serves no REST API: start"
                            + " it with rest.port set"), noApi.body());
                }

                leader.publish(new LeaderInfo(new InetSocketAddress("127.0.0.1", 6123), "http://leader-host:8081", "s1"));
                try (HighlyAvailableJobManagerProcess third = standby(configuration)) {
                    HttpResponse<String> redirect = get(third.standbyRestAddress().orElseThrow(),
                            "/jobs/a1b2/savepoints?x=1");
                    assertEquals(307, redirect.statusCode());
                    assertEquals("http://leader-host:8081/jobs/a1b2/savepoints?x=1",
                            redirect.headers().firstValue("Location").orElse(null));
                    assertTrue(redirect.body().contains("the leading JobManager's REST API is at http://leader-host:8081"),
                            redirect.body());
                }
            }
        }
    }
}
