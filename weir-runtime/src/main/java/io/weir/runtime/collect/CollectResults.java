package io.weir.runtime.collect;

import java.io.Serializable;
import java.util.List;

/**
 * An answer to the client: batches of results; {@code ended} once no more will come, with the
 * job's failure if the stream ended because of it. Serializable: a cluster's JobManager sends it to a
 * remote client.
 */
public record CollectResults(List<CollectBatch> batches, boolean ended, Throwable failure) implements Serializable {}
