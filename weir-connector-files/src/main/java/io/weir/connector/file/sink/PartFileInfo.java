package io.weir.connector.file.sink;

/** What a rolling policy knows of the part file being written. */
public interface PartFileInfo<BucketID> {
    BucketID getBucketId();

    /** When the part file was opened (processing time, epoch millis). */
    long getCreationTime();

    /** Bytes written to it so far. */
    long getSize();

    /** When an element was last written to it (processing time, epoch millis). */
    long getLastUpdateTime();
}
