package io.weir.connector.file.sink;

import io.weir.api.connector.sink.Committer;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.RecoverableWriter;
import java.io.IOException;
import java.util.Collection;

/**
 * Makes part files visible through their file system's {@link RecoverableWriter}: a rename on a local
 * disk, completing the multipart upload on S3. Idempotent: a file already committed (its commit was
 * repeated after a restore) is left as it is.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            FileSinkCommittable committable = request.getCommittable();
            RecoverableWriter writer = FileSystem.get(committable.finalPath().toUri()).createRecoverableWriter();
            RecoverableWriter.CommitRecoverable handle = writer.getCommitRecoverableSerializer()
                    .deserialize(committable.handleVersion(), committable.commitHandle());
            try {
                writer.recoverForCommit(handle).commitAfterRecovery();
            } catch (IOException e) {
                request.signalFailedWithKnownReason(new IOException("Cannot commit the part file "
                        + committable.finalFile() + ": " + e.getMessage(), e));
            }
        }
    }

    @Override
    public void close() {}
}
