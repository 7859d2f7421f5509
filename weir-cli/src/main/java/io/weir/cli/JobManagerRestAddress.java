package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.cluster.ha.HighAvailabilityOptions;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.runtime.configuration.GlobalConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeoutException;

/**
 * Where {@code list}, {@code cancel}, {@code stop} and {@code savepoint} send their requests: the
 * {@code -m host:port} given; else, when {@code config.yaml} turns high availability on, the REST
 * address the leading JobManager published in ZooKeeper; else {@code localhost:8081}.
 */
final class JobManagerRestAddress {
    static final String DEFAULT = "localhost:8081";
    static final String OPTION_DESCRIPTION = "The JobManager's REST address (default: the leader's, found through"
            + " ZooKeeper, when config.yaml sets high-availability.type: zookeeper; else " + DEFAULT + ").";

    private JobManagerRestAddress() {}

    /** @throws UserError if high availability is on and no leader's REST address can be found, saying why */
    static String resolve(String option, Path confDir) {
        if (option != null) {
            return option;
        }
        Configuration configuration = confDir == null ? new Configuration()
                : GlobalConfiguration.loadConfiguration(confDir);
        if (!HighAvailabilityOptions.isEnabled(configuration)) {
            return DEFAULT;
        }
        LeaderInfo leader;
        try (ZooKeeperServices zooKeeper = ZooKeeperServices.connect(configuration);
                LeaderRetriever leaders = zooKeeper.leaderRetriever()) {
            leader = leaders.awaitLeader();
        } catch (IllegalStateException | IllegalArgumentException | TimeoutException e) {
            throw new UserError(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("Interrupted while looking for the cluster's leader in ZooKeeper.");
        }
        if (leader.restUrl() == null) {
            throw new UserError("The leading JobManager (" + leader.rpcHostAndPort() + ") serves no REST API: start it"
                    + " with rest.port set.");
        }
        URI url = URI.create(leader.restUrl());
        return url.getHost() + ":" + url.getPort();
    }
}
