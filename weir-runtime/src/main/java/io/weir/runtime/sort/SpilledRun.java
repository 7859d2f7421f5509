package io.weir.runtime.sort;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A sorted run of entries in a temporary file, in the layout of {@link SortBuffer}, read back
 * sequentially by {@link #open}. The file is deleted by {@link #delete()}.
 *
 * <p>Threading: one thread.
 */
final class SpilledRun {
    private static final int WRITE_BUFFER = 64 * 1024;

    private final Path file;
    private final long entries;

    private SpilledRun(Path file, long entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Writes the entries of {@code sorted}, in its order, into a new file in {@code directory}. */
    static SpilledRun write(SortedEntries sorted, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path file = Files.createTempFile(directory, "weir-sort-", ".run");
        long n = 0;
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file),
                WRITE_BUFFER))) {
            while (sorted.next()) {
                out.writeInt(sorted.keyLength());
                out.write(sorted.keyBytes(), sorted.keyOffset(), sorted.keyLength());
                out.writeLong(sorted.timestamp());
                out.writeInt(sorted.payloadLength());
                out.write(sorted.payloadBytes(), sorted.payloadOffset(), sorted.payloadLength());
                n++;
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new SpilledRun(file, n);
    }

    long entries() {
        return entries;
    }

    /** A cursor over the run's entries, reading through a buffer of {@code bufferBytes}. */
    Reader open(int bufferBytes) throws IOException {
        return new Reader(new DataInputStream(new BufferedInputStream(Files.newInputStream(file), bufferBytes)),
                entries);
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the temporary directory keeps a file it could not delete; nothing else depends on it
            file.toFile().deleteOnExit();
        }
    }

    /** Reads a run's entries one by one into arrays it reuses. */
    static final class Reader implements SortedEntries, AutoCloseable {
        private final DataInputStream in;
        private long remaining;
        private byte[] key = new byte[64];
        private byte[] payload = new byte[256];
        private int keyLength;
        private int payloadLength;
        private long timestamp;

        private Reader(DataInputStream in, long entries) {
            this.in = in;
            this.remaining = entries;
        }

        @Override
        public boolean next() throws IOException {
            if (remaining == 0) {
                return false;
            }
            try {
                keyLength = in.readInt();
                if (keyLength > key.length) {
                    key = new byte[Math.max(keyLength, key.length * 2)];
                }
                in.readFully(key, 0, keyLength);
                timestamp = in.readLong();
                payloadLength = in.readInt();
                if (payloadLength > payload.length) {
                    payload = new byte[Math.max(payloadLength, payload.length * 2)];
                }
                in.readFully(payload, 0, payloadLength);
            } catch (EOFException e) {
                throw new IOException("A spilled sort run ended " + remaining + " entries early: the temporary "
                        + "file was changed or truncated", e);
            }
            remaining--;
            return true;
        }

        @Override
        public byte[] keyBytes() {
            return key;
        }

        @Override
        public int keyOffset() {
            return 0;
        }

        @Override
        public int keyLength() {
            return keyLength;
        }

        @Override
        public long timestamp() {
            return timestamp;
        }

        @Override
        public byte[] payloadBytes() {
            return payload;
        }

        @Override
        public int payloadOffset() {
            return 0;
        }

        @Override
        public int payloadLength() {
            return payloadLength;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
