package io.weir.connector.file.src;

import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds the files under a source's paths (recursively; names starting with {@code .} or {@code _}
 * are hidden — in-progress and marker files — and skipped) and cuts each into splits of at most
 * {@code blockSize} bytes.
 */
final class FileDiscovery {
    private final Path[] paths;
    private final long blockSize;

    /** @param blockSize the most bytes per split; {@link Long#MAX_VALUE} for one split per file */
    FileDiscovery(Path[] paths, long blockSize) {
        this.paths = paths.clone();
        this.blockSize = blockSize;
    }

    /**
     * The splits of the files not in {@code skip}, sorted by path and offset; their paths are added to {@code skip}.
     *
     * @param missingIsError whether a source path that does not exist fails (a bounded source) or
     *     counts as empty (a monitored directory that may appear later)
     */
    List<FileSourceSplit> discover(Set<Path> skip, boolean missingIsError) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        for (Path path : paths) {
            FileSystem fs = path.getFileSystem();
            try {
                collect(fs, fs.getFileStatus(path), files);
            } catch (FileNotFoundException e) {
                if (missingIsError) {
                    throw new FileNotFoundException("FileSource: the path " + path + " does not exist; check the paths "
                            + "given to FileSource.forRecordStreamFormat");
                }
            }
        }
        files.sort(Comparator.comparing(FileStatus::getPath));
        List<FileSourceSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            if (skip.add(file.getPath())) {
                cut(file, splits);
            }
        }
        return splits;
    }

    private static void collect(FileSystem fs, FileStatus status, List<FileStatus> files) throws IOException {
        if (!status.isDir()) {
            files.add(status);
            return;
        }
        for (FileStatus child : fs.listStatus(status.getPath())) {
            String name = child.getPath().getName();
            if (!name.startsWith(".") && !name.startsWith("_")) {
                collect(fs, child, files);
            }
        }
    }

    private void cut(FileStatus file, List<FileSourceSplit> splits) {
        long len = file.getLen();
        long offset = 0;
        do {
            long length = Math.min(blockSize, len - offset);
            splits.add(new FileSourceSplit(file.getPath().toUri() + "@" + offset, file.getPath(), offset, length,
                    file.getModificationTime(), len));
            offset += length;
        } while (offset < len);
    }
}
