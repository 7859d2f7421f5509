package io.weir.runtime.exchange;

/** The first byte of each stream element in a buffer. */
public final class ElementTag {
    private ElementTag() {}

    /** A record without timestamp: tag, value. */
    public static final byte RECORD = 0;
    /** A record with timestamp: tag, 8-byte timestamp, value. */
    public static final byte RECORD_WITH_TIMESTAMP = 1;
    /** A watermark: tag, 8-byte timestamp. */
    public static final byte WATERMARK = 2;
    /** The producer subtask has ended; nothing follows on this channel. */
    public static final byte END_OF_PARTITION = 3;
    /** The producer became idle (tag, 1) or active again (tag, 0). */
    public static final byte WATERMARK_STATUS = 4;
    /** A checkpoint barrier: tag, 8-byte checkpoint id, 8-byte trigger timestamp. */
    public static final byte BARRIER = 5;
}
