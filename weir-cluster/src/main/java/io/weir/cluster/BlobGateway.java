package io.weir.cluster;

import io.weir.runtime.graph.JobJar;
import java.util.concurrent.CompletableFuture;

/**
 * The JobManager's blob service on the control plane: clients upload the jars of a job before they
 * submit it, TaskManagers download them when a task of the job arrives. A jar is stored under the
 * SHA-256 of its bytes, so the same jar uploaded twice is stored once, and a downloaded copy can be
 * checked against its key.
 */
public interface BlobGateway {
    /** The name the JobManager exports its blob service under. */
    String NAME = "blobs";

    /**
     * Stores a jar of a job that is about to be submitted.
     *
     * @param name the jar's file name, for messages
     * @return the stored jar; fails if the bytes are not a readable jar, saying so
     */
    CompletableFuture<JobJar> upload(String name, byte[] jar);

    /** The bytes of a stored jar; fails if no jar is stored under that key (its job ended). */
    CompletableFuture<byte[]> download(String key);
}
