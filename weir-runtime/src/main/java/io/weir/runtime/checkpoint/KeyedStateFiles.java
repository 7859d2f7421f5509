package io.weir.runtime.checkpoint;

import io.weir.runtime.state.KeyGroupRange;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The keyed state of one subtask checkpointed as the files of an embedded database (RocksDB)
 * rather than as key-group bytes: what makes incremental checkpoints possible, since the
 * database's data files are immutable and a file already in checkpoint storage is not written again.
 *
 * <p>A checkpoint starts as {@link Local} on the task (a consistent copy of the database in a local
 * directory, made of hard links), and checkpoint storage turns it into {@link Stored}: data files
 * go to the job's shared directory once and are referenced by every checkpoint that contains them;
 * the few small metadata files are kept inline.
 */
public sealed interface KeyedStateFiles extends Serializable {
    /** The state backend that wrote the files ({@code rocksdb}). */
    String backend();

    /** The key groups whose state the files hold. */
    KeyGroupRange keyGroupRange();

    /**
     * Files of a checkpoint in a local directory, to be persisted by checkpoint storage (which then
     * deletes the directory).
     *
     * @param instanceId unique to the database instance: data file names are unique within it only
     * @param restoredShared data files the database was restored from, by file name, with their
     *     absolute paths: referenced again instead of written again when they are in the same job's
     *     shared directory
     */
    record Local(String backend, KeyGroupRange keyGroupRange, Path directory, String instanceId,
            Map<String, SharedFile> restoredShared) implements KeyedStateFiles {}

    /**
     * Files in checkpoint storage.
     *
     * @param sharedFiles the data files, in the shared directory of checkpoint storage
     * @param inlineFiles the other files (manifest, options), by name, with their bytes
     * @param baseDirectory what the shared files' paths are relative to: the job's checkpoint
     *     directory; {@code null} until the checkpoint is read back from storage
     */
    record Stored(String backend, KeyGroupRange keyGroupRange, List<SharedFile> sharedFiles,
            Map<String, byte[]> inlineFiles, String baseDirectory) implements KeyedStateFiles {
        public Stored {
            sharedFiles = List.copyOf(sharedFiles);
            inlineFiles = Map.copyOf(inlineFiles);
        }

        /** Where a shared file is, once {@link #baseDirectory} is known. */
        public Path locate(SharedFile file) {
            if (baseDirectory == null) {
                throw new IllegalStateException("The shared file " + file.path() + " has no base directory yet");
            }
            return Path.of(baseDirectory).resolve(file.path());
        }

        public Stored withBaseDirectory(String directory) {
            return new Stored(backend, keyGroupRange, sharedFiles, inlineFiles, directory);
        }

        long size() {
            long size = 0;
            for (SharedFile file : sharedFiles) {
                size += file.size();
            }
            for (byte[] bytes : inlineFiles.values()) {
                size += bytes.length;
            }
            return size;
        }
    }

    /**
     * A data file in checkpoint storage.
     *
     * @param name the file's name in the database directory
     * @param path where it is, relative to the job's checkpoint directory ({@code shared/...})
     */
    record SharedFile(String name, String path, long size) implements Serializable {}
}
