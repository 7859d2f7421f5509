package io.weir.runtime.minicluster;

/**
 * A service beside a cluster's JobManager that clients reach over HTTP (the REST API), so the
 * JobManager can tell where it is (a highly available cluster's leader publishes it).
 */
public interface ClusterEndpoint {
    /** The service's base URL, such as {@code http://host:8081}. */
    String url();
}
