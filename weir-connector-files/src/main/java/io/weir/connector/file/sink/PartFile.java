package io.weir.connector.file.sink;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableFsDataOutputStream;
import io.weir.api.fs.RecoverableWriter;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The part file one writer is writing in one bucket, through its file system's
 * {@link RecoverableWriter}: invisible (on a local disk the hidden {@code .<name>.inprogress}) until
 * committed.
 *
 * <p>Threading: used by the sink task's thread only.
 */
final class PartFile<BucketID> implements PartFileInfo<BucketID> {
    private final BucketID bucketId;
    private final Path finalPath;
    private final RecoverableWriter writer;
    private final RecoverableFsDataOutputStream out;
    /** The bulk format's writer, or null for a row format. */
    private final BulkWriter<Object> bulk;
    private final long creationTime;
    private long size;
    private long lastUpdateTime;

    @SuppressWarnings("unchecked")
    PartFile(BucketID bucketId, Path finalPath, RecoverableWriter writer, PartFormat<?> format, long now)
            throws IOException {
        this.bucketId = bucketId;
        this.finalPath = finalPath;
        this.writer = writer;
        this.out = writer.open(finalPath);
        this.bulk = format.isBulk() ? (BulkWriter<Object>) format.bulkWriterFactory().create(out) : null;
        this.creationTime = now;
        this.lastUpdateTime = now;
    }

    /** The stream to encode into; {@link #wrote} must follow with the bytes written. */
    OutputStream stream() {
        return out;
    }

    /** Hands an element to the bulk format's writer. */
    void add(Object element, long now) throws IOException {
        bulk.addElement(element);
        size = out.getPos();
        lastUpdateTime = now;
    }

    void wrote(long bytes, long now) {
        size += bytes;
        lastUpdateTime = now;
    }

    /** Closes the file; it stays invisible until its committable is committed. */
    FileSinkCommittable close() throws IOException {
        if (bulk != null) {
            bulk.finish();
        }
        RecoverableWriter.CommitRecoverable handle = out.closeForCommit().getRecoverable();
        var serializer = writer.getCommitRecoverableSerializer();
        return new FileSinkCommittable(finalPath.toUri().toString(), serializer.getVersion(), serializer.serialize(handle));
    }

    /** Closes the file without committing it (the writer is disposed). */
    void abandon() throws IOException {
        out.close();
    }

    void flush() throws IOException {
        if (bulk != null) {
            bulk.flush();
        }
        out.flush();
    }

    @Override
    public BucketID getBucketId() {
        return bucketId;
    }

    @Override
    public long getCreationTime() {
        return creationTime;
    }

    @Override
    public long getSize() {
        return size;
    }

    @Override
    public long getLastUpdateTime() {
        return lastUpdateTime;
    }
}
