package io.weir.api.connector.sink;

import java.io.IOException;
import java.util.Collection;

/**
 * Makes prepared committables visible, once the checkpoint they were prepared for has completed.
 *
 * <p>Commits must be idempotent: after a failure the job restores its latest checkpoint and commits
 * that checkpoint's committables again, some of which may already have been committed.
 *
 * <p>Threading: called from the task's thread of the sink's subtask.
 */
public interface Committer<CommT> extends AutoCloseable {
    /** Commits the requests; a request that cannot be committed says why through its methods. */
    void commit(Collection<CommitRequest<CommT>> requests) throws IOException, InterruptedException;

    /** One committable to commit, and how its commit ended when it did not succeed. */
    interface CommitRequest<CommT> {
        CommT getCommittable();

        /** How often this committable was retried. */
        int getNumberOfRetries();

        /** The commit failed for a reason that retrying will not fix: the job fails with it. */
        void signalFailedWithKnownReason(Throwable t);

        /** The commit failed for a reason the committer does not know: the job fails with it. */
        void signalFailedWithUnknownReason(Throwable t);

        /** Try again at the next checkpoint's commit. */
        void retryLater();

        /** Try again later with a changed committable. */
        void updateAndRetryLater(CommT committable);

        /** It had been committed before (after a restore): nothing to do. */
        void signalAlreadyCommitted();
    }
}
