package io.weir.connector.file.src.reader;

import io.weir.api.fs.FSDataInputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Cuts a byte stream into lines at {@code '\n'} (a {@code '\r'} before it is dropped too), knowing
 * the file offset of every line, for the line-based formats. Reads the lines that start before the
 * split's end; a split that starts inside a line skips to the next one (that line belongs to the
 * split it starts in).
 *
 * <p>Threading: one source task thread.
 */
final class LineReader {
    private static final int BUFFER = 64 * 1024;

    private final FSDataInputStream in;
    private final long splitEnd;
    private final byte[] buffer = new byte[BUFFER];
    private int bufferPos;
    private int bufferLimit;
    /** The file offset of buffer[bufferPos]. */
    private long position;
    private byte[] line = new byte[256];
    private int lineLength;
    private long lineStart;
    private long lineNumber;

    /**
     * @param in positioned at {@code start}
     * @param atRecordStart true if {@code start} is known to be where a line starts (the file's
     *     start or a restored position); false to skip to the next line first
     */
    LineReader(FSDataInputStream in, long start, long splitEnd, boolean atRecordStart) throws IOException {
        this.in = in;
        this.splitEnd = splitEnd;
        this.position = start;
        if (!atRecordStart && start > 0) {
            in.seek(start - 1);
            position = start - 1;
            while (fillIfEmpty()) {
                byte b = buffer[bufferPos++];
                position++;
                if (b == '\n') {
                    break;
                }
            }
        }
    }

    private boolean fillIfEmpty() throws IOException {
        if (bufferPos < bufferLimit) {
            return true;
        }
        int n = in.read(buffer, 0, BUFFER);
        bufferPos = 0;
        bufferLimit = Math.max(n, 0);
        return n > 0;
    }

    /**
     * Reads the next line of the split into {@link #bytes()} / {@link #length()}; false when the
     * split has no more lines.
     */
    boolean next() throws IOException {
        if (position >= splitEnd) {
            return false;
        }
        lineStart = position;
        lineLength = 0;
        boolean any = false;
        while (fillIfEmpty()) {
            any = true;
            int start = bufferPos;
            int newline = -1;
            for (int i = bufferPos; i < bufferLimit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? bufferLimit : newline;
            append(start, end - start);
            bufferPos = newline < 0 ? bufferLimit : newline + 1;
            position += bufferPos - start;
            if (newline >= 0) {
                break;
            }
        }
        if (!any) {
            return false;
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        lineNumber++;
        return true;
    }

    private void append(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buffer, from, line, lineLength, length);
        lineLength += length;
    }

    /** The bytes of the current line (valid up to {@link #length()}, until the next {@link #next()}). */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLength;
    }

    /** The file offset where the current line starts. */
    long lineStart() {
        return lineStart;
    }

    /** The file offset after the current line (where the next one starts). */
    long nextLineStart() {
        return position;
    }

    /** How many lines this reader has returned (1 for the first line it read). */
    long lineNumber() {
        return lineNumber;
    }

    void close() throws IOException {
        in.close();
    }
}
