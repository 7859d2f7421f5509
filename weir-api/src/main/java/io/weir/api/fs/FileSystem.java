package io.weir.api.fs;

import io.weir.api.configuration.Configuration;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A file system Weir reads and writes files in: the local disk ({@code file://}, also for paths
 * without a scheme) or another one found by its URI scheme through a {@link FileSystemFactory}
 * ({@code s3://} with the {@code weir-filesystem-s3} module). The FileSource, the FileSink and
 * checkpoint storage all go through this class, so each works on every file system.
 *
 * <p>The operations are the few all of these need. File systems without an atomic rename (object
 * stores) make new files visible through {@link #createRecoverableWriter()}, which every file system
 * offers.
 *
 * <p>Threading: instances are shared by all threads of a process and safe for concurrent use;
 * streams belong to one thread at a time.
 */
public abstract class FileSystem {

    /** What {@link #create} does when the file exists. */
    public enum WriteMode {
        NO_OVERWRITE,
        OVERWRITE
    }

    private static final Map<String, FileSystem> CACHE = new ConcurrentHashMap<>();
    private static volatile Configuration configuration = new Configuration();

    /**
     * Sets the options file systems are created with (such as {@code s3.endpoint}) and forgets the
     * ones created so far, so the next {@link #get} uses the new options. Called when a process
     * (a cluster, a local environment) starts.
     */
    public static void initialize(Configuration config) {
        configuration = config;
        CACHE.clear();
    }

    /** The file system of {@code uri}'s scheme and authority; the local one when it has no scheme. */
    public static FileSystem get(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? LocalFileSystem.SCHEME : uri.getScheme().toLowerCase();
        String authority = uri.getAuthority() == null ? "" : uri.getAuthority();
        String key = scheme + "://" + authority;
        if (scheme.equals(LocalFileSystem.SCHEME)) {
            return LocalFileSystem.INSTANCE;
        }
        FileSystem cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        FileSystem created = create(scheme, URI.create(key + "/"), uri);
        FileSystem raced = CACHE.putIfAbsent(key, created);
        return raced == null ? created : raced;
    }

    /** The local file system. */
    public static FileSystem getLocalFileSystem() {
        return LocalFileSystem.INSTANCE;
    }

    private static FileSystem create(String scheme, URI fsUri, URI asked) throws IOException {
        Map<String, FileSystemFactory> factories = new TreeMap<>();
        for (FileSystemFactory factory : ServiceLoader.load(FileSystemFactory.class, FileSystem.class.getClassLoader())) {
            factories.put(factory.getScheme().toLowerCase(), factory);
        }
        FileSystemFactory factory = factories.get(scheme);
        if (factory == null) {
            throw new IOException("No file system for the scheme '" + scheme + "' of " + asked + ". Known schemes: "
                    + LocalFileSystem.SCHEME + (factories.isEmpty() ? "" : ", " + String.join(", ", factories.keySet()))
                    + ". For s3:// put the weir-filesystem-s3 module on the classpath (lib/ of the distribution).");
        }
        return factory.create(fsUri, configuration);
    }

    /** The scheme and authority of this file system, e.g. {@code s3://bucket}. */
    public abstract URI getUri();

    /** What is at {@code path}; {@link FileNotFoundException} when nothing is. */
    public abstract FileStatus getFileStatus(Path path) throws IOException;

    /** Whether a file or directory is at {@code path}. */
    public boolean exists(Path path) throws IOException {
        try {
            getFileStatus(path);
            return true;
        } catch (FileNotFoundException e) {
            return false;
        }
    }

    /**
     * The files and directories directly in the directory {@code path} (the file itself when it is a
     * file), in no particular order; {@link FileNotFoundException} when nothing is there.
     */
    public abstract FileStatus[] listStatus(Path path) throws IOException;

    public abstract FSDataInputStream open(Path path) throws IOException;

    /** A new file at {@code path}; its directories are created as needed. Visible at once on a local disk. */
    public abstract FSDataOutputStream create(Path path, WriteMode mode) throws IOException;

    /** Deletes the file, or the directory (with {@code recursive} also what is in it); false if nothing was there. */
    public abstract boolean delete(Path path, boolean recursive) throws IOException;

    /** Creates the directory and its parents (a no-op on file systems without directories). */
    public abstract boolean mkdirs(Path path) throws IOException;

    /** Moves {@code source} to {@code target} atomically where the file system can; false if it did not. */
    public abstract boolean rename(Path source, Path target) throws IOException;

    /** True for file systems every machine of a cluster sees (object stores, HDFS); false for a local disk. */
    public abstract boolean isDistributedFS();

    /**
     * A writer of files that become visible only when committed, and whose commit can be repeated
     * after a crash from a small serialized handle: what exactly-once sinks and checkpoint metadata need.
     */
    public abstract RecoverableWriter createRecoverableWriter() throws IOException;
}
