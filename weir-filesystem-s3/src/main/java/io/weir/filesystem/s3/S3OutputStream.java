package io.weir.filesystem.s3;

import io.weir.api.fs.FSDataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Writes an object: the bytes go to a local temporary file, uploaded with one PUT on {@link #close()},
 * so the object appears whole or not at all.
 *
 * <p>Threading: one thread at a time.
 */
final class S3OutputStream extends FSDataOutputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final java.nio.file.Path spool;
    private final OutputStream out;
    private long position;
    private boolean closed;

    S3OutputStream(S3Client s3, String bucket, String key) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.spool = Files.createTempFile("weir-s3-", ".upload");
        this.out = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024);
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

    /** Nothing is durable on S3 before {@link #close()}; this only flushes the local copy. */
    @Override
    public void sync() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(spool));
        } catch (SdkException e) {
            throw S3FileSystem.failure("write", "s3://" + bucket + "/" + key, e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }
}
