package io.weir.connector.file.table;

import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.FileSinkCommittable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code filesystem} table's sink for INSERT OVERWRITE: a {@link FileSink} whose part files
 * carry a prefix of this statement alone; after its committer makes part files visible, the
 * visible files of the same directories without that prefix (the rows before the statement) are
 * deleted. So each directory written (the table's, or each partition's) ends with only the
 * statement's rows, and partitions the statement does not write keep theirs, as Flink's dynamic
 * partition overwrite. Deleting is idempotent, so a repeated commit after a restore is harmless.
 */
final class OverwritingFileSink implements Sink<Row>, SupportsCommitter<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    private final FileSink<Row> files;
    private final String partPrefix;

    /** @param partPrefix the prefix of this statement's part files, unique to it */
    OverwritingFileSink(FileSink<Row> files, String partPrefix) {
        this.files = files;
        this.partPrefix = partPrefix;
    }

    @Override
    public CommittingSinkWriter<Row, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
        return files.createWriter(context);
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        Committer<FileSinkCommittable> committer = files.createCommitter(context);
        return new Committer<>() {
            @Override
            public void commit(Collection<CommitRequest<FileSinkCommittable>> requests)
                    throws IOException, InterruptedException {
                committer.commit(requests);
                Set<Path> directories = new HashSet<>();
                for (CommitRequest<FileSinkCommittable> request : requests) {
                    directories.add(new Path(request.getCommittable().finalFile()).getParent());
                }
                for (Path directory : directories) {
                    deleteOlderFiles(directory);
                }
            }

            @Override
            public void close() throws Exception {
                committer.close();
            }
        };
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return files.getCommittableSerializer();
    }

    /** Deletes the visible files of {@code directory} that this statement did not write. */
    private void deleteOlderFiles(Path directory) throws IOException {
        FileSystem fs = FileSystem.get(directory.toUri());
        FileStatus[] statuses;
        try {
            statuses = fs.listStatus(directory);
        } catch (IOException | UncheckedIOException e) {
            throw new IOException("INSERT OVERWRITE cannot list " + directory + " to replace its files: " + e.getMessage(), e);
        }
        if (statuses == null) {
            return;
        }
        for (FileStatus status : statuses) {
            String name = status.getPath().getName();
            if (status.isDir() || name.startsWith(".") || name.startsWith("_") || name.startsWith(partPrefix)) {
                continue;
            }
            fs.delete(status.getPath(), false);
        }
    }
}
