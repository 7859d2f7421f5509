package io.weir.cli;

import io.weir.api.configuration.Configuration;
import io.weir.api.configuration.IllegalConfigurationException;
import io.weir.cluster.ha.HighAvailabilityOptions;
import io.weir.cluster.ha.LeaderInfo;
import io.weir.cluster.ha.LeaderRetriever;
import io.weir.cluster.ha.ZooKeeperServices;
import io.weir.runtime.configuration.GlobalConfiguration;
import io.weir.runtime.security.SslSettings;
import io.weir.web.JobManagerRestClient;
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

    /**
     * A client of the JobManager's REST API at {@link #resolve}'s address, sending the token of
     * {@code WEIR_REST_TOKEN}, over HTTPS when {@code config.yaml} sets {@code security.ssl.rest.enabled}
     * (trusting {@code security.ssl.rest.truststore}).
     *
     * @throws UserError if the address cannot be found or a key store cannot be used, saying why
     */
    static JobManagerRestClient client(String option, Path confDir) {
        Configuration configuration = confDir == null ? new Configuration() : GlobalConfiguration.loadConfiguration(confDir);
        SslSettings tls;
        try {
            tls = SslSettings.restClient(configuration).orElse(null);
        } catch (IllegalConfigurationException e) {
            throw new UserError(e.getMessage() + " (in " + confDir.resolve("config.yaml") + ")");
        }
        try {
            return new JobManagerRestClient(resolve(option, confDir), System.getenv("WEIR_REST_TOKEN"), tls);
        } catch (JobManagerRestClient.RequestFailedException e) {
            throw new UserError(e.getMessage());
        }
    }

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
