package io.weir.api.fs;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;

/**
 * Writes files that stay invisible until committed, and lets a commit be finished by another
 * process after a crash. Writing ends with {@link RecoverableFsDataOutputStream#closeForCommit()}; the
 * returned committer's {@link RecoverableFsDataOutputStream.Committer#getRecoverable() recoverable} is
 * a small handle that goes into a checkpoint, and {@link #recoverForCommit} turns it back into a
 * committer after a restore. On a local disk the file is written under a hidden name and renamed;
 * on S3 it is a multipart upload completed by its upload id.
 *
 * <p>Threading: safe for concurrent use; each stream and committer by one thread at a time.
 */
public interface RecoverableWriter {

    /** A new file that appears at {@code path} when committed. */
    RecoverableFsDataOutputStream open(Path path) throws IOException;

    /** A committer for a file closed for commit, possibly by an earlier attempt of the job. */
    RecoverableFsDataOutputStream.Committer recoverForCommit(CommitRecoverable recoverable) throws IOException;

    /** Writes the recoverables of this writer into checkpoints. */
    SimpleVersionedSerializer<CommitRecoverable> getCommitRecoverableSerializer();

    /** The handle of a file closed for commit: enough to commit it from another process. */
    interface CommitRecoverable {}
}
