package io.weir.connector.file.sink;

import io.weir.api.connector.sink.Committer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;

/**
 * Makes part files visible by renaming them from their hidden pending name to their final name.
 * Idempotent: a file already renamed (its commit was repeated after a restore) is left as it is.
 */
final class FileCommitter implements Committer<FileSinkCommittable> {

    @Override
    public void commit(Collection<CommitRequest<FileSinkCommittable>> requests) throws IOException {
        for (CommitRequest<FileSinkCommittable> request : requests) {
            Path pending = Path.of(request.getCommittable().pendingFile());
            Path target = Path.of(request.getCommittable().finalFile());
            if (Files.exists(pending)) {
                Files.move(pending, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (Files.exists(target)) {
                request.signalAlreadyCommitted();
            } else {
                request.signalFailedWithKnownReason(new IOException("Part file " + pending + " to commit is gone and "
                        + target + " does not exist: was the sink's output directory changed or cleaned while the "
                        + "job ran?"));
            }
        }
    }

    @Override
    public void close() {}
}
