package io.weir.filesystem.s3;

import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One S3 bucket as a file system: a path's key is its path without the leading slash, and
 * "directories" are key prefixes ending in {@code /} (they exist while a key is under them;
 * {@link #mkdirs} does nothing). New objects appear whole when written ({@link #create} uploads on
 * close), and a rename is a copy and a delete, not atomic — so Weir's exactly-once sinks and checkpoint
 * metadata use the {@link S3RecoverableWriter}'s multipart uploads instead.
 *
 * <p>Threading: safe for concurrent use (the S3 client is).
 */
final class S3FileSystem extends FileSystem {
    private final S3Client s3;
    private final String bucket;

    S3FileSystem(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The object key of {@code path} ({@code s3://bucket/a/b} → {@code a/b}). */
    String key(Path path) {
        URI uri = path.toUri();
        if (!"s3".equalsIgnoreCase(uri.getScheme()) || !bucket.equals(uri.getAuthority())) {
            throw new IllegalArgumentException("The path " + path + " is not in s3://" + bucket);
        }
        String p = uri.getPath();
        return p.startsWith("/") ? p.substring(1) : p;
    }

    private Path path(String key) {
        return new Path("s3://" + bucket + "/" + key);
    }

    S3Client client() {
        return s3;
    }

    String bucket() {
        return bucket;
    }

    @Override
    public URI getUri() {
        return URI.create("s3://" + bucket + "/");
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        String key = key(path);
        if (key.isEmpty()) {
            return new FileStatus(path, 0, true, 0);
        }
        try {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new FileStatus(path, head.contentLength(), false, head.lastModified().toEpochMilli());
        } catch (NoSuchKeyException e) {
            // not an object: a directory if a key is under it
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("look at", path, e);
            }
        } catch (SdkException e) {
            throw failure("look at", path, e);
        }
        ListObjectsV2Response under = list(ListObjectsV2Request.builder().bucket(bucket).prefix(key + "/").maxKeys(1)
                .build(), path);
        if (under.keyCount() > 0) {
            return new FileStatus(path, 0, true, 0);
        }
        throw new FileNotFoundException("No object or prefix " + path);
    }

    private ListObjectsV2Response list(ListObjectsV2Request request, Path path) throws IOException {
        try {
            return s3.listObjectsV2(request);
        } catch (SdkException e) {
            throw failure("list", path, e);
        }
    }

    static IOException failure(String what, Object where, SdkException e) {
        return new IOException("S3: cannot " + what + " " + where + ": " + e.getMessage(), e);
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        FileStatus self = getFileStatus(path);
        if (!self.isDir()) {
            return new FileStatus[] {self};
        }
        String key = key(path);
        String prefix = key.isEmpty() ? "" : key + "/";
        List<FileStatus> entries = new ArrayList<>();
        String token = null;
        do {
            ListObjectsV2Response page = list(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).delimiter("/")
                    .continuationToken(token).build(), path);
            for (S3Object object : page.contents()) {
                if (!object.key().equals(prefix)) {
                    entries.add(new FileStatus(path(object.key()), object.size(), false,
                            object.lastModified().toEpochMilli()));
                }
            }
            for (CommonPrefix dir : page.commonPrefixes()) {
                String name = dir.prefix().substring(0, dir.prefix().length() - 1);
                entries.add(new FileStatus(path(name), 0, true, 0));
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
        return entries.toArray(new FileStatus[0]);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        FileStatus status = getFileStatus(path);
        if (status.isDir()) {
            throw new IOException("S3: " + path + " is a prefix (a directory), not an object");
        }
        return new S3InputStream(s3, bucket, key(path), status.getLen());
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode mode) throws IOException {
        if (mode == WriteMode.NO_OVERWRITE && exists(path)) {
            throw new IOException("The object " + path + " exists already (and overwriting was not asked for)");
        }
        return new S3OutputStream(s3, bucket, key(path));
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        String key = key(path);
        FileStatus status;
        try {
            status = getFileStatus(path);
        } catch (FileNotFoundException e) {
            return false;
        }
        if (!status.isDir()) {
            try {
                s3.deleteObject(b -> b.bucket(bucket).key(key));
                return true;
            } catch (SdkException e) {
                throw failure("delete", path, e);
            }
        }
        if (!recursive) {
            throw new IOException("The directory " + path + " is not empty (delete it recursively)");
        }
        deleteUnder(key.isEmpty() ? "" : key + "/", path);
        return true;
    }

    private void deleteUnder(String prefix, Path path) throws IOException {
        String token = null;
        do {
            ListObjectsV2Response page = list(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix)
                    .continuationToken(token).build(), path);
            List<ObjectIdentifier> keys = new ArrayList<>();
            for (S3Object object : page.contents()) {
                keys.add(ObjectIdentifier.builder().key(object.key()).build());
            }
            if (!keys.isEmpty()) {
                try {
                    s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(keys).quiet(true).build()));
                } catch (SdkException e) {
                    throw failure("delete what is under", path, e);
                }
            }
            token = page.isTruncated() ? page.nextContinuationToken() : null;
        } while (token != null);
    }

    /** S3 has no directories: nothing to create. */
    @Override
    public boolean mkdirs(Path path) {
        return true;
    }

    /** A copy then a delete of one object: not atomic (see the class comment). */
    @Override
    public boolean rename(Path source, Path target) throws IOException {
        if (!exists(source)) {
            return false;
        }
        String from = key(source);
        String to = key(target);
        try {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(from).destinationBucket(bucket).destinationKey(to));
            s3.deleteObject(b -> b.bucket(bucket).key(from));
            return true;
        } catch (SdkException e) {
            throw failure("rename", source + " to " + target, e);
        }
    }

    @Override
    public boolean isDistributedFS() {
        return true;
    }

    @Override
    public RecoverableWriter createRecoverableWriter() {
        return new S3RecoverableWriter(this);
    }
}
