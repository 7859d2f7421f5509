package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts how many retained checkpoints use each file of the job's shared directory (the data files
 * of incremental checkpoints) and deletes a file when the last checkpoint using it is discarded.
 *
 * <p>A task decides on its own whether a shared file is already stored (it exists), so a file can
 * be deleted here after a task saw it and before its checkpoint completes. {@link #register} checks
 * that every file of a completing checkpoint still exists, under the same lock as the deletions,
 * and fails the checkpoint if not: a completed checkpoint never refers to a missing file, and the
 * next checkpoint writes the file again.
 *
 * <p>Files written for checkpoints that never complete are not counted and stay until the job's
 * checkpoint directory is deleted.
 *
 * <p>Threading: safe for concurrent use (synchronized); the JobMaster commits and discards from
 * its main and I/O threads.
 */
final class SharedStateRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(SharedStateRegistry.class);

    private final Path jobDirectory;
    private final Map<String, Integer> references = new HashMap<>();
    private final Map<Long, List<String>> filesOfCheckpoint = new HashMap<>();

    SharedStateRegistry(Path jobDirectory) {
        this.jobDirectory = jobDirectory;
    }

    /** Counts the shared files of a completing checkpoint; fails if one of them is gone. */
    synchronized void register(long checkpointId, Set<String> sharedFiles) throws IOException {
        for (String file : sharedFiles) {
            if (!Files.exists(jobDirectory.resolve(file))) {
                throw new IOException("Checkpoint " + checkpointId + " refers to the shared file " + file
                        + ", which was deleted meanwhile (no retained checkpoint used it any more); the next "
                        + "checkpoint writes it again");
            }
        }
        for (String file : sharedFiles) {
            references.merge(file, 1, Integer::sum);
        }
        filesOfCheckpoint.put(checkpointId, new ArrayList<>(sharedFiles));
    }

    /** The checkpoint is discarded: its files lose a reference; files without any are deleted. */
    synchronized void release(long checkpointId) {
        List<String> files = filesOfCheckpoint.remove(checkpointId);
        if (files == null) {
            return;
        }
        for (String file : files) {
            Integer left = references.merge(file, -1, Integer::sum);
            if (left != null && left <= 0) {
                references.remove(file);
                try {
                    Files.deleteIfExists(jobDirectory.resolve(file));
                } catch (IOException e) {
                    LOG.warn("Could not delete the shared state file {}", file, e);
                }
            }
        }
    }

    /** The shared files of the handles, without repetition. */
    static Set<String> sharedFilesOf(Iterable<TaskStateHandle> handles) {
        Set<String> files = new LinkedHashSet<>();
        for (TaskStateHandle handle : handles) {
            if (handle instanceof TaskStateHandle.InFile file) {
                files.addAll(file.sharedFiles());
            }
        }
        return files;
    }

    synchronized int referenceCount(String file) {
        return references.getOrDefault(file, 0);
    }
}
