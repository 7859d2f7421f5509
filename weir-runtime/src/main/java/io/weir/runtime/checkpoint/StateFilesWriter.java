package io.weir.runtime.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Turns the local files of a database checkpoint ({@link KeyedStateFiles.Local}) into stored ones
 * and deletes the local directory. Data files ({@code .sst}, immutable) go to the job's
 * {@code shared/} directory under a name unique to the database instance, and are written only if
 * not there yet, which is what makes checkpoints incremental; the other files are small and kept
 * inline in the task's state file.
 *
 * <p>Threading: called on a task executor's checkpoint I/O threads; stateless.
 */
final class StateFilesWriter {
    static final String SHARED_DIRECTORY = "shared";

    private StateFilesWriter() {}

    /**
     * Stores the files under {@code jobDirectory}; adds the shared files the result refers to
     * (relative to {@code jobDirectory}) to {@code sharedFiles}.
     */
    static KeyedStateFiles.Stored persist(KeyedStateFiles.Local local, Path jobDirectory, List<String> sharedFiles)
            throws IOException {
        Path shared = jobDirectory.resolve(SHARED_DIRECTORY);
        Files.createDirectories(shared);
        List<KeyedStateFiles.SharedFile> stored = new ArrayList<>();
        Map<String, byte[]> inline = new HashMap<>();
        for (Path file : list(local.directory())) {
            String name = file.getFileName().toString();
            if (!name.endsWith(".sst")) {
                inline.put(name, Files.readAllBytes(file));
                continue;
            }
            String relative = reusablePath(local.restoredShared().get(name), jobDirectory);
            if (relative == null) {
                relative = SHARED_DIRECTORY + "/" + local.instanceId() + "-" + name;
            }
            Path target = jobDirectory.resolve(relative);
            long size = Files.size(file);
            if (!Files.exists(target)) {
                Path temporary = shared.resolve(target.getFileName() + ".inprogress");
                Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            }
            stored.add(new KeyedStateFiles.SharedFile(name, relative, size));
            sharedFiles.add(relative);
        }
        return new KeyedStateFiles.Stored(local.backend(), local.keyGroupRange(), stored, inline, null);
    }

    /** Keeps every file inline: for checkpoints kept in memory, which have no shared directory. */
    static KeyedStateFiles.Stored inline(KeyedStateFiles.Local local) throws IOException {
        Map<String, byte[]> inline = new HashMap<>();
        for (Path file : list(local.directory())) {
            inline.put(file.getFileName().toString(), Files.readAllBytes(file));
        }
        return new KeyedStateFiles.Stored(local.backend(), local.keyGroupRange(), List.of(), inline, null);
    }

    /**
     * The path, relative to {@code jobDirectory}, of a file the database was restored from, if this
     * job's checkpoints own it (it is in this job's directory); {@code null} otherwise, also for a
     * file of another job's checkpoint, which that job may delete.
     */
    private static String reusablePath(KeyedStateFiles.SharedFile restored, Path jobDirectory) {
        if (restored == null) {
            return null;
        }
        Path absolute = Path.of(restored.path()).toAbsolutePath().normalize();
        Path job = jobDirectory.toAbsolutePath().normalize();
        if (!absolute.startsWith(job) || !Files.exists(absolute)) {
            return null;
        }
        return job.relativize(absolute).toString().replace('\\', '/');
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** Converts one set of keyed files. */
    interface Conversion {
        KeyedStateFiles apply(KeyedStateFiles files) throws IOException;
    }

    /** The snapshot with every operator's keyed files converted. */
    static TaskStateSnapshot convert(TaskStateSnapshot snapshot, Conversion conversion) throws IOException {
        boolean any = false;
        for (OperatorSubtaskState state : snapshot.operators().values()) {
            any |= !state.keyedFiles().isEmpty();
        }
        if (!any) {
            return snapshot;
        }
        Map<Integer, OperatorSubtaskState> converted = new HashMap<>();
        for (Map.Entry<Integer, OperatorSubtaskState> e : snapshot.operators().entrySet()) {
            List<KeyedStateFiles> files = new ArrayList<>();
            for (KeyedStateFiles f : e.getValue().keyedFiles()) {
                files.add(conversion.apply(f));
            }
            converted.put(e.getKey(), e.getValue().withKeyedFiles(files));
        }
        return new TaskStateSnapshot(snapshot.checkpointId(), converted, snapshot.inFlight());
    }

    /** Deletes the local directories of every operator's keyed files (best effort). */
    static void deleteLocal(TaskStateSnapshot snapshot) {
        for (OperatorSubtaskState state : snapshot.operators().values()) {
            for (KeyedStateFiles f : state.keyedFiles()) {
                if (f instanceof KeyedStateFiles.Local local) {
                    deleteLocal(local);
                }
            }
        }
    }

    /** Deletes a local checkpoint directory (best effort). */
    static void deleteLocal(KeyedStateFiles.Local local) {
        try (Stream<Path> files = Files.walk(local.directory())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // the backend deletes its whole working directory when the task ends
        }
    }
}
