package io.weir.api.connector.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * A {@link Sink} whose output becomes visible in two phases: its writers (which implement
 * {@link CommittingSinkWriter}) prepare committables at each checkpoint, and its {@link Committer}
 * makes them visible once that checkpoint has completed. A restored job commits the committables
 * of its checkpoint again, so the committer must tolerate committing the same committable twice.
 *
 * @param <CommT> what a writer prepares and the committer makes visible (a file to rename, a
 *     transaction to commit, ...)
 */
public interface SupportsCommitter<CommT> {
    Committer<CommT> createCommitter(CommitterInitContext context) throws IOException;

    /** Serializes committables into checkpoints, between preparing and committing them. */
    SimpleVersionedSerializer<CommT> getCommittableSerializer();
}
