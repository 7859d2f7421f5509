package io.weir.connector.file.table;

import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.sql.connectors.SupportsOverwrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an INSERT OVERWRITE of a {@code filesystem} table does once its job has finished: the
 * statement's part files carry a prefix of their own, and every directory that holds one (the
 * table's, or each partition written) loses its other visible files, the rows before the
 * statement. The static partition of {@code PARTITION (k = 'v', ...)} naming every partition column
 * is emptied even when the statement wrote no row into it; an unpartitioned table is emptied when
 * the statement wrote none (both as in Flink). Partitions the statement does not write keep their
 * files. Running after the job, it never deletes a file the statement itself still reads.
 */
final class OverwriteReplacement implements SupportsOverwrite.Replacement {

    private final Path root;
    private final String partPrefix;
    /** The directory that is replaced even without a row written into it, or null. */
    private final Path alwaysReplaced;

    /**
     * @param partPrefix the prefix of this statement's part files, unique to it
     * @param staticPartitions the PARTITION clause, in the table's partition key order
     */
    OverwriteReplacement(Path root, String partPrefix, List<String> partitionKeys, Map<String, String> staticPartitions,
            String defaultPartitionName) {
        this.root = root;
        this.partPrefix = partPrefix;
        if (partitionKeys.isEmpty()) {
            this.alwaysReplaced = root;
        } else if (staticPartitions.keySet().containsAll(partitionKeys)) {
            Path directory = root;
            for (String key : partitionKeys) {
                String value = staticPartitions.get(key);
                directory = new Path(directory, key + "=" + (value == null ? defaultPartitionName
                        : PartitionLayout.escape(value)));
            }
            this.alwaysReplaced = directory;
        } else {
            this.alwaysReplaced = null;
        }
    }

    @Override
    public void replace() throws IOException {
        FileSystem fs = FileSystem.get(root.toUri());
        if (!fs.exists(root)) {
            return;
        }
        List<Path> directories = new ArrayList<>();
        collectWritten(fs, root, directories);
        if (alwaysReplaced != null && !directories.contains(alwaysReplaced) && fs.exists(alwaysReplaced)) {
            directories.add(alwaysReplaced);
        }
        for (Path directory : directories) {
            for (FileStatus status : list(fs, directory)) {
                String name = status.getPath().getName();
                if (!status.isDir() && !hidden(name) && !name.startsWith(partPrefix)) {
                    fs.delete(status.getPath(), false);
                }
            }
        }
    }

    /** The directories under {@code directory} (itself included) that hold a part file of this statement. */
    private void collectWritten(FileSystem fs, Path directory, List<Path> written) throws IOException {
        boolean holdsOne = false;
        for (FileStatus status : list(fs, directory)) {
            String name = status.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            if (status.isDir()) {
                collectWritten(fs, status.getPath(), written);
            } else if (name.startsWith(partPrefix)) {
                holdsOne = true;
            }
        }
        if (holdsOne) {
            written.add(directory);
        }
    }

    private static FileStatus[] list(FileSystem fs, Path directory) throws IOException {
        try {
            FileStatus[] statuses = fs.listStatus(directory);
            return statuses == null ? new FileStatus[0] : statuses;
        } catch (UncheckedIOException e) {
            throw new IOException("INSERT OVERWRITE cannot list " + directory + " to replace its files: "
                    + e.getMessage(), e);
        }
    }

    private static boolean hidden(String name) {
        return name.startsWith(".") || name.startsWith("_");
    }
}
