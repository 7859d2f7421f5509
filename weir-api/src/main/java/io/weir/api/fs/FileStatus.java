package io.weir.api.fs;

/** What a file system says about one file or directory. */
public final class FileStatus {
    private final Path path;
    private final long len;
    private final boolean dir;
    private final long modificationTime;

    /**
     * @param len the file's length in bytes (0 for a directory)
     * @param modificationTime milliseconds since the epoch (0 when the file system does not know)
     */
    public FileStatus(Path path, long len, boolean dir, long modificationTime) {
        this.path = path;
        this.len = len;
        this.dir = dir;
        this.modificationTime = modificationTime;
    }

    public Path getPath() {
        return path;
    }

    public long getLen() {
        return len;
    }

    public boolean isDir() {
        return dir;
    }

    public long getModificationTime() {
        return modificationTime;
    }

    @Override
    public String toString() {
        return (dir ? "directory " : "file ") + path + (dir ? "" : " (" + len + " bytes)");
    }
}
