package io.weir.connector.file.src;

import io.weir.api.connector.source.SourceSplit;
import io.weir.api.fs.Path;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.util.Objects;

/**
 * A byte range of one file, read by one reader: the whole file, or a block of a file in a splittable
 * format. In a checkpoint it carries the reader's position in it, so a restored reader continues
 * exactly after the last record it had emitted.
 */
public final class FileSourceSplit implements SourceSplit {
    private final String id;
    private final Path filePath;
    private final long offset;
    private final long length;
    private final long fileModificationTime;
    private final long fileSize;
    private final CheckpointedPosition readerPosition;

    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize) {
        this(id, filePath, offset, length, fileModificationTime, fileSize, null);
    }

    /** @param readerPosition where a reader got to in this split, or {@code null} for its start */
    public FileSourceSplit(String id, Path filePath, long offset, long length, long fileModificationTime,
            long fileSize, CheckpointedPosition readerPosition) {
        this.id = Objects.requireNonNull(id, "split id");
        this.filePath = Objects.requireNonNull(filePath, "file path");
        this.offset = offset;
        this.length = length;
        this.fileModificationTime = fileModificationTime;
        this.fileSize = fileSize;
        this.readerPosition = readerPosition;
    }

    @Override
    public String splitId() {
        return id;
    }

    public Path path() {
        return filePath;
    }

    /** The first byte of the range. */
    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    public long fileModificationTime() {
        return fileModificationTime;
    }

    public long fileSize() {
        return fileSize;
    }

    /** Where a reader got to, or {@code null} if none started it. */
    public CheckpointedPosition getReaderPosition() {
        return readerPosition;
    }

    /** This split with a reader's position in it. */
    public FileSourceSplit updateWithCheckpointedPosition(CheckpointedPosition position) {
        return new FileSourceSplit(id, filePath, offset, length, fileModificationTime, fileSize, position);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSourceSplit s && id.equals(s.id) && filePath.equals(s.filePath) && offset == s.offset
                && length == s.length && fileModificationTime == s.fileModificationTime && fileSize == s.fileSize
                && Objects.equals(readerPosition, s.readerPosition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, filePath, offset, length);
    }

    @Override
    public String toString() {
        return "FileSourceSplit " + id + " [" + filePath + " bytes " + offset + ".." + (offset + length) + ")"
                + (readerPosition == null ? "" : " at " + readerPosition);
    }
}
