package io.weir.connector.file.src.reader;

import java.io.IOException;

/**
 * A record of a file that a {@link StreamFormat} cannot read. The reader has already moved past it
 * when it throws this, so the {@link io.weir.connector.file.src.FileSource} can apply its bad-record
 * policy: fail the job naming the file and line, or skip the record and read on.
 */
public final class BadRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long byteOffset;

    /**
     * @param byteOffset the file offset where the bad record (its first line) starts
     * @param problem what is wrong with it, without the position (the source adds file and line)
     */
    public BadRecordException(long byteOffset, String problem, Throwable cause) {
        super(problem, cause);
        this.byteOffset = byteOffset;
    }

    /** The file offset where the bad record starts: a line start. */
    public long byteOffset() {
        return byteOffset;
    }
}
