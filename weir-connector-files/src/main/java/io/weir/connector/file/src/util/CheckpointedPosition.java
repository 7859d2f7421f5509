package io.weir.connector.file.src.util;

import java.io.Serializable;

/**
 * Where a reader is in a file: a byte offset at which a record starts (or {@link #NO_OFFSET} for
 * the start of the split) and the number of records to skip after it. A format that can say the
 * offset of its next record gives {@code (offset, 0)}; for others the source counts records.
 */
public record CheckpointedPosition(long offset, long recordsAfterOffset) implements Serializable {

    /** The offset of a format that cannot tell offsets: records are counted from the split's start. */
    public static final long NO_OFFSET = -1L;

    public CheckpointedPosition {
        if (offset < NO_OFFSET || recordsAfterOffset < 0) {
            throw new IllegalArgumentException("Invalid position: offset " + offset + ", records " + recordsAfterOffset);
        }
    }

    public long getOffset() {
        return offset;
    }

    public long getRecordsAfterOffset() {
        return recordsAfterOffset;
    }
}
