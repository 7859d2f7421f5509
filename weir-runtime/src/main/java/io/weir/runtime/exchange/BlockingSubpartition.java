package io.weir.runtime.exchange;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one producer subtask wrote for one consumer subtask on a blocking exchange, kept until the
 * job ends so that every attempt of the consumer can read it. The producer {@link #push}es its
 * buffers as for a pipelined consumer; each is copied and handed back at once, so the producer never
 * waits for its consumer. The copies stay on the heap while the {@link BlockingMemory} allows, and
 * go to a temporary file after that (in order: the heap holds a prefix, the file the rest).
 *
 * <p>Once {@link #finish finished}, {@link #replay} sends the buffers, in order, to a consumer's
 * receiver, any number of times. {@link #release} deletes the file.
 *
 * <p>Threading: written by the producer's task thread; replayed afterwards by any thread, possibly
 * several at once (reads share nothing mutable); released by any thread.
 */
public final class BlockingSubpartition implements BufferReceiver {
    private final ResultKey key;
    private final int channel;
    private final BlockingMemory memory;
    private final Path spillDirectory;
    private final List<byte[]> inMemory = new ArrayList<>();
    private long bytesInMemory;
    private Path file;
    private DataOutputStream fileOut;
    private volatile boolean finished;
    private volatile boolean released;

    BlockingSubpartition(ResultKey key, int channel, BlockingMemory memory, Path spillDirectory) {
        this.key = key;
        this.channel = channel;
        this.memory = memory;
        this.spillDirectory = spillDirectory;
    }

    @Override
    public void push(Buffer buffer) {
        try {
            if (released) {
                throw new IllegalStateException("Blocking result " + key + " was released while its producer wrote it");
            }
            byte[] copy = Arrays.copyOf(buffer.bytes(), buffer.length());
            if (fileOut == null && memory.reserve(copy.length)) {
                inMemory.add(copy);
                bytesInMemory += copy.length;
            } else {
                spill(copy);
            }
        } finally {
            buffer.recycle();
        }
    }

    private void spill(byte[] bytes) {
        try {
            if (fileOut == null) {
                file = Files.createTempFile(spillDirectory, "weir-blocking-result-", ".bin");
                fileOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
            }
            fileOut.writeInt(bytes.length);
            fileOut.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the blocking result of producer subtask "
                    + key.producerSubtask() + " to a temporary file in " + spillDirectory + " (java.io.tmpdir): " + e
                    + ". Free disk space there, or raise execution.batch-shuffle.memory.", e);
        }
    }

    /** Barriers never reach a blocking exchange: BATCH jobs take no checkpoints. */
    @Override
    public List<byte[]> prioritize(Buffer priority) {
        throw new IllegalStateException("A blocking exchange takes no unaligned checkpoint barrier");
    }

    @Override
    public void finish() {
        try {
            if (fileOut != null) {
                fileOut.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not finish the blocking result file " + file + ": " + e, e);
        }
        finished = true;
    }

    public boolean isFinished() {
        return finished;
    }

    /** The consumer's channel these buffers arrive on. */
    public int channel() {
        return channel;
    }

    /** Whether some of the buffers are in a file (for tests and metrics). */
    public boolean spilled() {
        return file != null;
    }

    /**
     * Sends every buffer, in order, to {@code target} in buffers of {@code pool} (waiting for a free
     * one, so a slow consumer slows the replay down and the replayed data is never all on the heap at
     * once), then {@link BufferReceiver#finish} it.
     *
     * @throws IllegalStateException if the result is not finished or was released
     */
    public void replay(BufferReceiver target, BufferPool pool) throws IOException, InterruptedException {
        if (!finished || released) {
            throw new IllegalStateException("Blocking result " + key + (released ? " was released" : " is not finished"));
        }
        for (byte[] bytes : inMemory) {
            send(bytes, target, pool);
        }
        if (file != null) {
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 64 * 1024))) {
                while (true) {
                    int length;
                    try {
                        length = in.readInt();
                    } catch (java.io.EOFException end) {
                        break;
                    }
                    byte[] bytes = new byte[length];
                    in.readFully(bytes);
                    send(bytes, target, pool);
                }
            }
        }
        target.finish();
    }

    private void send(byte[] bytes, BufferReceiver target, BufferPool pool) throws IOException, InterruptedException {
        Buffer buffer = pool.request();
        buffer.setChannel(channel);
        buffer.data().write(bytes);
        target.push(buffer);
    }

    /** Drops the heap copies and deletes the file; a replay in progress may fail. */
    public void release() {
        released = true;
        memory.free(bytesInMemory);
        try {
            if (fileOut != null) {
                fileOut.close();
            }
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // best effort: the file lies in the temporary directory
        }
    }
}
