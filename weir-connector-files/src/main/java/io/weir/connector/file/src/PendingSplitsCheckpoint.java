package io.weir.connector.file.src;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.fs.Path;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The file source enumerator's state in a checkpoint: the splits not assigned yet, and (when it
 * monitors directories) the paths of the files already found, which are never read again.
 */
public final class PendingSplitsCheckpoint {
    private final List<FileSourceSplit> splits;
    private final Set<Path> alreadyProcessedPaths;

    PendingSplitsCheckpoint(Collection<FileSourceSplit> splits, Collection<Path> alreadyProcessedPaths) {
        this.splits = List.copyOf(splits);
        this.alreadyProcessedPaths = new LinkedHashSet<>(alreadyProcessedPaths);
    }

    public List<FileSourceSplit> getSplits() {
        return splits;
    }

    public Set<Path> getAlreadyProcessedPaths() {
        return alreadyProcessedPaths;
    }

    /** Version 1: the splits, then the processed paths as URIs. */
    static final class Serializer implements SimpleVersionedSerializer<PendingSplitsCheckpoint> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PendingSplitsCheckpoint checkpoint) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(checkpoint.splits.size());
                for (FileSourceSplit split : checkpoint.splits) {
                    FileSourceSplitSerializer.write(split, out);
                }
                out.writeInt(checkpoint.alreadyProcessedPaths.size());
                for (Path path : checkpoint.alreadyProcessedPaths) {
                    out.writeUTF(path.toUri().toString());
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public PendingSplitsCheckpoint deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown version " + version + " of a file source checkpoint");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int splitCount = in.readInt();
                List<FileSourceSplit> splits = new ArrayList<>(splitCount);
                for (int i = 0; i < splitCount; i++) {
                    splits.add(FileSourceSplitSerializer.read(in));
                }
                int pathCount = in.readInt();
                List<Path> paths = new ArrayList<>(pathCount);
                for (int i = 0; i < pathCount; i++) {
                    paths.add(new Path(URI.create(in.readUTF())));
                }
                return new PendingSplitsCheckpoint(splits, paths);
            }
        }
    }
}
