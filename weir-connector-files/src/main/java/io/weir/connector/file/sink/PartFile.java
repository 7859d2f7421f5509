package io.weir.connector.file.sink;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The part file one writer is writing in one bucket: hidden (a leading dot, an {@code .inprogress}
 * suffix) until committed.
 *
 * <p>Threading: used by the sink task's thread only.
 */
final class PartFile<BucketID> implements PartFileInfo<BucketID> {
    private final BucketID bucketId;
    private final Path inProgress;
    private final Path finalPath;
    private final OutputStream out;
    private final long creationTime;
    private long size;
    private long lastUpdateTime;

    PartFile(BucketID bucketId, Path bucketDir, String finalName, long now) throws IOException {
        this.bucketId = bucketId;
        Files.createDirectories(bucketDir);
        this.finalPath = bucketDir.resolve(finalName);
        this.inProgress = bucketDir.resolve("." + finalName + ".inprogress");
        this.out = new BufferedOutputStream(Files.newOutputStream(inProgress), 64 * 1024);
        this.creationTime = now;
        this.lastUpdateTime = now;
    }

    /** The stream to encode into; {@link #wrote} must follow with the bytes written. */
    OutputStream stream() {
        return out;
    }

    void wrote(long bytes, long now) {
        size += bytes;
        lastUpdateTime = now;
    }

    /** Closes the file; it stays hidden until its committable is committed. */
    FileSinkCommittable close() throws IOException {
        out.close();
        return new FileSinkCommittable(inProgress.toString(), finalPath.toString());
    }

    void flush() throws IOException {
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
