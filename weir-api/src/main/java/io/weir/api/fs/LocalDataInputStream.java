package io.weir.api.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Reads a local file through a buffer; {@link #seek} within the buffered range costs nothing.
 *
 * <p>Threading: one thread at a time.
 */
final class LocalDataInputStream extends FSDataInputStream {
    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();
    /** The file position of the buffer's first byte. */
    private long bufferStart;

    LocalDataInputStream(java.nio.file.Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
    }

    private boolean fill() throws IOException {
        bufferStart += buffer.limit();
        buffer.clear();
        channel.position(bufferStart);
        int read;
        do {
            read = channel.read(buffer);
        } while (read == 0);
        buffer.flip();
        return read > 0;
    }

    @Override
    public int read() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        return buffer.get() & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public void seek(long position) throws IOException {
        if (position < 0) {
            throw new IOException("Cannot seek to a negative position: " + position);
        }
        if (position >= bufferStart && position <= bufferStart + buffer.limit()) {
            buffer.position((int) (position - bufferStart));
        } else {
            bufferStart = position;
            buffer.clear().flip();
        }
    }

    @Override
    public long getPos() {
        return bufferStart + buffer.position();
    }

    @Override
    public int available() throws IOException {
        return buffer.remaining();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
