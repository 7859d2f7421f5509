package io.weir.filesystem.s3;

import io.weir.api.fs.RecoverableFsDataOutputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one multipart upload: bytes are spooled to a local temporary file and uploaded as a part
 * whenever {@link #PART_SIZE} bytes are there (S3's smallest part but the last); the last part is
 * uploaded by {@link #closeForCommit()}. {@link #close()} without a commit aborts the upload.
 *
 * <p>Threading: one thread at a time.
 */
final class S3MultipartOutputStream extends RecoverableFsDataOutputStream {
    /** S3 refuses parts below 5 MiB, except the last. */
    static final long PART_SIZE = 5L << 20;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private java.nio.file.Path spool;
    private OutputStream out;
    private long spooled;
    private long position;
    private boolean closed;

    S3MultipartOutputStream(S3Client s3, String bucket, String key) throws IOException {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        try {
            this.uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        } catch (SdkException e) {
            throw S3FileSystem.failure("start an upload to", where(), e);
        }
        newSpool();
    }

    private String where() {
        return "s3://" + bucket + "/" + key;
    }

    private void newSpool() throws IOException {
        spool = Files.createTempFile("weir-s3-part-", ".upload");
        out = new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024);
        spooled = 0;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        spooled++;
        position++;
        uploadIfFull();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        spooled += len;
        position += len;
        uploadIfFull();
    }

    private void uploadIfFull() throws IOException {
        if (spooled >= PART_SIZE) {
            uploadPart();
            newSpool();
        }
    }

    private void uploadPart() throws IOException {
        out.close();
        int number = parts.size() + 1;
        try {
            String eTag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number),
                    RequestBody.fromFile(spool)).eTag();
            parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
        } catch (SdkException e) {
            throw S3FileSystem.failure("upload part " + number + " of", where(), e);
        } finally {
            Files.deleteIfExists(spool);
        }
    }

    @Override
    public long getPos() {
        return position;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Nothing is durable on S3 before the upload is complete; this only flushes the local copy. */
    @Override
    public void sync() throws IOException {
        out.flush();
    }

    @Override
    public Committer closeForCommit() throws IOException {
        if (closed) {
            throw new IOException("The upload to " + where() + " was closed already");
        }
        closed = true;
        uploadPart();
        return new S3RecoverableWriter.S3Committer(s3,
                new S3RecoverableWriter.S3CommitRecoverable(bucket, key, uploadId, position, List.copyOf(parts)));
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        out.close();
        Files.deleteIfExists(spool);
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
        } catch (SdkException e) {
            throw S3FileSystem.failure("abort the upload " + uploadId + " of", where(), e);
        }
    }
}
