package io.weir.api.fs;

import java.io.IOException;

/**
 * A stream of a {@link RecoverableWriter}: what is written stays invisible until the committer that
 * {@link #closeForCommit()} returns commits it. {@link #close()} without committing abandons the file.
 */
public abstract class RecoverableFsDataOutputStream extends FSDataOutputStream {

    /** Closes the stream and makes the file ready to commit (durable, still invisible). */
    public abstract Committer closeForCommit() throws IOException;

    /** Publishes one closed file. */
    public interface Committer {

        /** Makes the file visible at its path; fails if it was already committed or cannot be. */
        void commit() throws IOException;

        /**
         * Like {@link #commit()}, for a committer recovered from a checkpoint: a file that is already
         * visible (an earlier attempt committed it) counts as committed.
         */
        void commitAfterRecovery() throws IOException;

        /** The handle that recovers this committer after a crash. */
        RecoverableWriter.CommitRecoverable getRecoverable();
    }
}
