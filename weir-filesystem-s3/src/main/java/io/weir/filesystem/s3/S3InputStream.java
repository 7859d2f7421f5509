package io.weir.filesystem.s3;

import io.weir.api.fs.FSDataInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reads an object with one ranged GET from the current position to its end; {@link #seek} drops that
 * response and the next read starts a new one (a seek to where the stream already is costs nothing).
 *
 * <p>Threading: one thread at a time.
 */
final class S3InputStream extends FSDataInputStream {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long length;
    private InputStream body;
    private long position;

    S3InputStream(S3Client s3, String bucket, String key, long length) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
    }

    private boolean ensureOpen() throws IOException {
        if (position >= length) {
            return false;
        }
        if (body == null) {
            try {
                body = new BufferedInputStream(s3.getObject(b -> b.bucket(bucket).key(key)
                        .range("bytes=" + position + "-")), 64 * 1024);
            } catch (SdkException e) {
                throw S3FileSystem.failure("read", "s3://" + bucket + "/" + key + " at byte " + position, e);
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        if (!ensureOpen()) {
            return -1;
        }
        int b = body.read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!ensureOpen()) {
            return -1;
        }
        int n = body.read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public void seek(long target) throws IOException {
        if (target < 0) {
            throw new IOException("Cannot seek to a negative position: " + target);
        }
        if (target != position) {
            closeBody();
            position = target;
        }
    }

    @Override
    public long getPos() {
        return position;
    }

    private void closeBody() throws IOException {
        if (body != null) {
            body.close();
            body = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeBody();
    }
}
