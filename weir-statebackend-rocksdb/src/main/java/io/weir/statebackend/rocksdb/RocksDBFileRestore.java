package io.weir.statebackend.rocksdb;

import io.weir.runtime.checkpoint.KeyedStateFiles;
import io.weir.runtime.state.KeyGroupRange;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a subtask's database from checkpointed database files. One checkpoint of exactly the
 * subtask's key groups is copied into place and opened as it is (the usual restart). Otherwise,
 * after a rescale, each checkpoint is copied into a directory aside, opened, and the entries of
 * the subtask's key groups (a contiguous key range per column family, thanks to the key-group
 * prefix) are copied into a fresh database, with the state headers.
 *
 * <p>Threading: the task's thread, before the operator uses its state.
 */
final class RocksDBFileRestore {
    private static final Logger LOG = LoggerFactory.getLogger(RocksDBFileRestore.class);
    private static final long BATCH_BYTES = 4 << 20;

    private final String operatorName;
    private final KeyGroupRange range;
    private final Path workingDirectory;

    RocksDBFileRestore(String operatorName, KeyGroupRange range, Path workingDirectory) {
        this.operatorName = operatorName;
        this.range = range;
        this.workingDirectory = workingDirectory;
    }

    /**
     * Writes the database of this subtask's key groups into {@code databaseDirectory}.
     *
     * @return the data files the database now has that are shared files of checkpoint storage,
     *     by file name, with their absolute paths (empty after a rescale)
     */
    Map<String, KeyedStateFiles.SharedFile> restoreInto(List<KeyedStateFiles> files, Path databaseDirectory)
            throws IOException, RocksDBException {
        if (files.size() == 1 && files.get(0).keyGroupRange().equals(range)) {
            return materialize(stored(files.get(0)), databaseDirectory);
        }
        try (RocksDatabase target = RocksDatabase.open(databaseDirectory)) {
            for (int i = 0; i < files.size(); i++) {
                Path aside = workingDirectory.resolve("restore-" + i);
                materialize(stored(files.get(i)), aside);
                try (RocksDatabase source = RocksDatabase.open(aside)) {
                    copyKeyGroups(source, target);
                } finally {
                    deleteRecursively(aside);
                }
            }
        }
        return Map.of();
    }

    private KeyedStateFiles.Stored stored(KeyedStateFiles files) {
        if (!(files instanceof KeyedStateFiles.Stored stored)) {
            throw new IllegalStateException("Operator '" + operatorName + "' got local state files to restore: " + files);
        }
        if (!EmbeddedRocksDBStateBackend.NAME.equals(stored.backend())) {
            throw new IllegalStateException("Operator '" + operatorName + "' cannot restore files of the "
                    + stored.backend() + " state backend into RocksDB.");
        }
        return stored;
    }

    private static Map<String, KeyedStateFiles.SharedFile> materialize(KeyedStateFiles.Stored stored, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        Map<String, KeyedStateFiles.SharedFile> shared = new HashMap<>();
        for (KeyedStateFiles.SharedFile file : stored.sharedFiles()) {
            Path source = stored.locate(file);
            if (!Files.exists(source)) {
                throw new IOException("the checkpoint's shared file " + source + " is missing (was the checkpoint "
                        + "directory moved without its job's shared/ directory?)");
            }
            Files.copy(source, directory.resolve(file.name()));
            shared.put(file.name(), new KeyedStateFiles.SharedFile(file.name(), source.toAbsolutePath().toString(),
                    file.size()));
        }
        for (Map.Entry<String, byte[]> file : stored.inlineFiles().entrySet()) {
            Files.write(directory.resolve(file.getKey()), file.getValue());
        }
        return shared;
    }

    private void copyKeyGroups(RocksDatabase source, RocksDatabase target) throws RocksDBException {
        for (Map.Entry<String, ColumnFamilyHandle> state : source.states().entrySet()) {
            byte[] header = source.header(state.getKey());
            if (header != null) {
                target.putHeader(state.getKey(), header);
            }
            ColumnFamilyHandle into = target.columnFamily(state.getKey());
            try (RocksIterator it = source.iterator(state.getValue()); WriteBatch batch = new WriteBatch()) {
                for (it.seek(CompositeKeyBuilder.keyGroupPrefix(range.start()));
                        it.isValid() && CompositeKeyBuilder.keyGroupOf(it.key()) <= range.end(); it.next()) {
                    batch.put(into, it.key(), it.value());
                    if (batch.getDataSize() > BATCH_BYTES) {
                        target.write(batch);
                        batch.clear();
                    }
                }
                target.write(batch);
            }
        }
    }

    /**
     * Deletes a directory and everything in it (best effort): files that vanish meanwhile (a
     * checkpoint's local directory deleted by the thread that stored it) or cannot be deleted are
     * passed over, so the rest is still deleted.
     */
    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteQuietly(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    deleteQuietly(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete {}", path, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", path, e.toString());
        }
    }
}
