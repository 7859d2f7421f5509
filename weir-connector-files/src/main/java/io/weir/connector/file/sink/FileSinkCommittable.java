package io.weir.connector.file.sink;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A closed part file waiting to become visible: the path it gets and its file system's commit handle
 * (a hidden local file to rename, an S3 multipart upload to complete), serialized with the file
 * system's {@link io.weir.api.fs.RecoverableWriter} so another process can commit it after a crash.
 */
public final class FileSinkCommittable {
    private final String finalFile;
    private final int handleVersion;
    private final byte[] commitHandle;

    /**
     * @param finalFile the URI of the file as it appears when committed
     * @param handleVersion the version of the file system's commit-handle serializer
     * @param commitHandle the serialized commit handle
     */
    public FileSinkCommittable(String finalFile, int handleVersion, byte[] commitHandle) {
        this.finalFile = Objects.requireNonNull(finalFile, "final file");
        this.handleVersion = handleVersion;
        this.commitHandle = commitHandle.clone();
    }

    /** The URI of the file once committed. */
    public String finalFile() {
        return finalFile;
    }

    Path finalPath() {
        return new Path(java.net.URI.create(finalFile));
    }

    int handleVersion() {
        return handleVersion;
    }

    byte[] commitHandle() {
        return commitHandle.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSinkCommittable c && finalFile.equals(c.finalFile) && handleVersion == c.handleVersion
                && Arrays.equals(commitHandle, c.commitHandle);
    }

    @Override
    public int hashCode() {
        return finalFile.hashCode() * 31 + Arrays.hashCode(commitHandle);
    }

    @Override
    public String toString() {
        return "part file " + finalFile;
    }

    /**
     * Version 2: the final file's URI, the handle's version and bytes. Version 1 (before file systems:
     * the local pending and final paths) is read as the local file system's handle, which has the same bytes.
     */
    public static final class Serializer implements SimpleVersionedSerializer<FileSinkCommittable> {
        @Override
        public int getVersion() {
            return 2;
        }

        @Override
        public byte[] serialize(FileSinkCommittable committable) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(committable.finalFile);
                out.writeInt(committable.handleVersion);
                out.writeInt(committable.commitHandle.length);
                out.write(committable.commitHandle);
            }
            return bytes.toByteArray();
        }

        @Override
        public FileSinkCommittable deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                if (version == 1) {
                    in.readUTF();
                    String localFinal = in.readUTF();
                    return new FileSinkCommittable(new Path(localFinal).toUri().toString(), 1, serialized);
                }
                if (version != 2) {
                    throw new IOException("Unknown version " + version + " of a file sink committable");
                }
                String finalFile = in.readUTF();
                int handleVersion = in.readInt();
                byte[] handle = new byte[in.readInt()];
                in.readFully(handle);
                return new FileSinkCommittable(finalFile, handleVersion, handle);
            }
        }
    }
}
