package io.weir.api.fs;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a local file under the hidden name {@code .<name>.inprogress} next to its target, and
 * commits it with an atomic rename. A repeated commit finds the file renamed and accepts that.
 *
 * <p>Threading: stateless, safe for concurrent use.
 */
final class LocalRecoverableWriter implements RecoverableWriter {
    static final LocalRecoverableWriter INSTANCE = new LocalRecoverableWriter();

    /** The hidden file written and the file it becomes (absolute local paths). */
    record LocalCommitRecoverable(String inProgressFile, String targetFile) implements CommitRecoverable {}

    private LocalRecoverableWriter() {}

    @Override
    public RecoverableFsDataOutputStream open(Path path) throws IOException {
        java.nio.file.Path target = LocalFileSystem.toNioPath(path);
        Files.createDirectories(target.getParent());
        java.nio.file.Path inProgress = target.resolveSibling("." + target.getFileName() + ".inprogress");
        LocalDataOutputStream out = new LocalDataOutputStream(inProgress, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new Stream(out, new LocalCommitRecoverable(inProgress.toString(), target.toString()));
    }

    @Override
    public RecoverableFsDataOutputStream.Committer recoverForCommit(CommitRecoverable recoverable) {
        if (!(recoverable instanceof LocalCommitRecoverable local)) {
            throw new IllegalArgumentException("Not a recoverable of a local file: " + recoverable);
        }
        return new LocalCommitter(local);
    }

    @Override
    public SimpleVersionedSerializer<CommitRecoverable> getCommitRecoverableSerializer() {
        return Serializer.INSTANCE;
    }

    private static final class Stream extends RecoverableFsDataOutputStream {
        private final LocalDataOutputStream out;
        private final LocalCommitRecoverable recoverable;

        Stream(LocalDataOutputStream out, LocalCommitRecoverable recoverable) {
            this.out = out;
            this.recoverable = recoverable;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public long getPos() {
            return out.getPos();
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void sync() throws IOException {
            out.sync();
        }

        @Override
        public Committer closeForCommit() throws IOException {
            out.close();
            return new LocalCommitter(recoverable);
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    private record LocalCommitter(LocalCommitRecoverable recoverable) implements RecoverableFsDataOutputStream.Committer {
        @Override
        public void commit() throws IOException {
            Files.move(java.nio.file.Path.of(recoverable.inProgressFile()),
                    java.nio.file.Path.of(recoverable.targetFile()), StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void commitAfterRecovery() throws IOException {
            java.nio.file.Path inProgress = java.nio.file.Path.of(recoverable.inProgressFile());
            java.nio.file.Path target = java.nio.file.Path.of(recoverable.targetFile());
            if (Files.exists(inProgress)) {
                Files.move(inProgress, target, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.exists(target)) {
                throw new IOException("The file " + inProgress + " to commit is gone and " + target + " does not "
                        + "exist: was the output directory changed or cleaned while the job ran?");
            }
        }

        @Override
        public CommitRecoverable getRecoverable() {
            return recoverable;
        }
    }

    /** Version 1: both paths as UTF strings. */
    private static final class Serializer implements SimpleVersionedSerializer<CommitRecoverable> {
        static final Serializer INSTANCE = new Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(CommitRecoverable obj) throws IOException {
            LocalCommitRecoverable local = (LocalCommitRecoverable) obj;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(local.inProgressFile());
                out.writeUTF(local.targetFile());
            }
            return bytes.toByteArray();
        }

        @Override
        public CommitRecoverable deserialize(int version, byte[] serialized) throws IOException {
            if (version != 1) {
                throw new IOException("Unknown version " + version + " of a local file's commit handle");
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new LocalCommitRecoverable(in.readUTF(), in.readUTF());
            }
        }
    }
}
