package io.weir.connector.file.src;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.Path;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;

/** Version 1: id, path URI, offset, length, modification time, size, then the reader position if any. */
public final class FileSourceSplitSerializer implements SimpleVersionedSerializer<FileSourceSplit> {
    public static final FileSourceSplitSerializer INSTANCE = new FileSourceSplitSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(FileSourceSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            write(split, out);
        }
        return bytes.toByteArray();
    }

    static void write(FileSourceSplit split, DataOutputStream out) throws IOException {
        out.writeUTF(split.splitId());
        out.writeUTF(split.path().toUri().toString());
        out.writeLong(split.offset());
        out.writeLong(split.length());
        out.writeLong(split.fileModificationTime());
        out.writeLong(split.fileSize());
        CheckpointedPosition position = split.getReaderPosition();
        out.writeBoolean(position != null);
        if (position != null) {
            out.writeLong(position.offset());
            out.writeLong(position.recordsAfterOffset());
        }
    }

    @Override
    public FileSourceSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown version " + version + " of a file source split (this Weir reads version 1)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            return read(in);
        }
    }

    static FileSourceSplit read(DataInputStream in) throws IOException {
        String id = in.readUTF();
        Path path = new Path(URI.create(in.readUTF()));
        long offset = in.readLong();
        long length = in.readLong();
        long modified = in.readLong();
        long size = in.readLong();
        CheckpointedPosition position = in.readBoolean() ? new CheckpointedPosition(in.readLong(), in.readLong()) : null;
        return new FileSourceSplit(id, path, offset, length, modified, size, position);
    }
}
