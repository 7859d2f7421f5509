package io.weir.filesystem.s3;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableFsDataOutputStream;
import io.weir.api.fs.RecoverableWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Files written as S3 multipart uploads: parts are uploaded while the file is written, and the object
 * appears only when the upload is completed. The commit handle — bucket, key, upload id and the parts'
 * ETags — is all another process needs to complete the upload after a crash; a completion repeated
 * after the object appeared (the upload id is gone, the object is there) counts as done.
 *
 * <p>Uploads that are never completed (a writer that failed before its checkpoint) stay in the
 * bucket, invisible, until aborted; configure the bucket's lifecycle rule for incomplete multipart
 * uploads to remove them.
 *
 * <p>Threading: safe for concurrent use; each stream by one thread at a time.
 */
final class S3RecoverableWriter implements RecoverableWriter {
    private final S3FileSystem fs;

    S3RecoverableWriter(S3FileSystem fs) {
        this.fs = fs;
    }

    /** What completes one multipart upload. */
    record S3CommitRecoverable(String bucket, String key, String uploadId, long size, List<CompletedPart> parts)
            implements CommitRecoverable {}

    @Override
    public RecoverableFsDataOutputStream open(Path path) throws IOException {
        return new S3MultipartOutputStream(fs.client(), fs.bucket(), fs.key(path));
    }

    @Override
    public RecoverableFsDataOutputStream.Committer recoverForCommit(CommitRecoverable recoverable) {
        if (!(recoverable instanceof S3CommitRecoverable s3Recoverable)) {
            throw new IllegalArgumentException("Not a recoverable of an S3 upload: " + recoverable);
        }
        return new S3Committer(fs.client(), s3Recoverable);
    }

    @Override
    public SimpleVersionedSerializer<CommitRecoverable> getCommitRecoverableSerializer() {
        return Serializer.INSTANCE;
    }

    /** Completes one multipart upload. */
    static final class S3Committer implements RecoverableFsDataOutputStream.Committer {
        private final S3Client s3;
        private final S3CommitRecoverable upload;

        S3Committer(S3Client s3, S3CommitRecoverable upload) {
            this.s3 = s3;
            this.upload = upload;
        }

        @Override
        public void commit() throws IOException {
            try {
                s3.completeMultipartUpload(b -> b.bucket(upload.bucket()).key(upload.key())
                        .uploadId(upload.uploadId()).multipartUpload(m -> m.parts(upload.parts())));
            } catch (SdkException e) {
                throw S3FileSystem.failure("complete the upload " + upload.uploadId() + " of", where(), e);
            }
        }

        @Override
        public void commitAfterRecovery() throws IOException {
            try {
                commit();
            } catch (IOException e) {
                if (!(e.getCause() instanceof S3Exception s3e) || s3e.statusCode() != 404) {
                    throw e;
                }
                long size = committedSize();
                if (size < 0) {
                    throw new IOException("S3: the upload " + upload.uploadId() + " of " + where() + " is gone and the "
                            + "object does not exist: was it aborted (by a lifecycle rule?) or deleted while the job ran?", e);
                }
            }
        }

        /** The size of the object if it exists, else -1. */
        private long committedSize() throws IOException {
            try {
                return s3.headObject(b -> b.bucket(upload.bucket()).key(upload.key())).contentLength();
            } catch (NoSuchKeyException e) {
                return -1;
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return -1;
                }
                throw S3FileSystem.failure("look at", where(), e);
            }
        }

        private String where() {
            return "s3://" + upload.bucket() + "/" + upload.key();
        }

        @Override
        public CommitRecoverable getRecoverable() {
            return upload;
        }
    }

    /** Version 1: bucket, key, upload id, size, then each part's number and ETag. */
    private static final class Serializer implements SimpleVersionedSerializer<CommitRecoverable> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(CommitRecoverable obj) throws IOException {
            S3CommitRecoverable upload = (S3CommitRecoverable) obj;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(upload.bucket());
                out.writeUTF(upload.key());
                out.writeUTF(upload.uploadId());
                out.writeLong(upload.size());
                out.writeInt(upload.parts().size());
                for (CompletedPart part : upload.parts()) {
                    out.writeInt(part.partNumber());
                    out.writeUTF(part.eTag());
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public CommitRecoverable deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown version " + version + " of an S3 upload's commit handle");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                String bucket = in.readUTF();
                String key = in.readUTF();
                String uploadId = in.readUTF();
                long size = in.readLong();
                int count = in.readInt();
                List<CompletedPart> parts = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    parts.add(CompletedPart.builder().partNumber(in.readInt()).eTag(in.readUTF()).build());
                }
                return new S3CommitRecoverable(bucket, key, uploadId, size, parts);
            }
        }
    }
}
