package io.weir.api.fs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a local file through a buffer.
 *
 * <p>Threading: one thread at a time.
 */
class LocalDataOutputStream extends FSDataOutputStream {
    private final FileChannel channel;
    private final BufferedOutputStream out;
    private long position;

    LocalDataOutputStream(java.nio.file.Path file, OpenOption... options) throws IOException {
        OpenOption[] all = new OpenOption[options.length + 1];
        System.arraycopy(options, 0, all, 0, options.length);
        all[options.length] = StandardOpenOption.WRITE;
        this.channel = FileChannel.open(file, all);
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        position++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        position += len;
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void sync() throws IOException {
        out.flush();
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
