package io.weir.cluster;

import io.weir.runtime.graph.JobJar;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JobManager's jars of submitted jobs, one file per jar in a directory of its own, named by the
 * SHA-256 of the jar. A jar is kept while a job that uses it runs ({@link #retain}) and deleted when
 * the last one ends ({@link #release}); a jar uploaded for a job that never arrives is deleted with
 * the directory when the JobManager stops. An upload holds its jar until a job that uses it is
 * retained: otherwise a job ending between another job's upload of the same jar and that job's
 * start would delete the file under it.
 *
 * <p>Threading: safe for concurrent use; the methods lock the store briefly, never during I/O of
 * another caller's jar.
 */
final class BlobStore implements BlobGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);

    private final Path directory;
    /** Per jar: the running jobs that use it plus the uploads no job has claimed yet; guarded by this. */
    private final Map<String, Integer> holders = new HashMap<>();
    /** Per jar: the uploads no job has claimed yet; guarded by this. */
    private final Map<String, Integer> unclaimedUploads = new HashMap<>();

    /** A store in a new directory under {@code parent}. */
    BlobStore(Path parent) {
        try {
            Files.createDirectories(parent);
            this.directory = Files.createTempDirectory(parent, "weir-blobs-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the blob directory under " + parent + " (blob.storage.directory): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<JobJar> upload(String name, byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            if (in.getNextJarEntry() == null && in.getManifest() == null) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("'" + name + "' is not a jar"
                        + " (no entries): pass the jar that holds the job's classes"));
            }
        } catch (IOException | RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("'" + name + "' is not a readable jar ("
                    + e.getMessage() + "): rebuild it, or pass the jar that holds the job's classes"));
        }
        JobJar stored = new JobJar(sha256(jar), name);
        synchronized (this) { // before looking for the file: from here on no release deletes it
            holders.merge(stored.key(), 1, Integer::sum);
            unclaimedUploads.merge(stored.key(), 1, Integer::sum);
        }
        try {
            Path target = path(stored.key());
            if (!Files.exists(target)) {
                Path partial = Files.createTempFile(directory, "upload-", ".part");
                Files.write(partial, jar);
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new UncheckedIOException("The JobManager could not store '" + name
                    + "' in " + directory + ": " + e.getMessage(), e));
        }
        LOG.info("Stored the jar {} ({} bytes) as {}", name, jar.length, stored.key());
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public CompletableFuture<byte[]> download(String key) {
        Path file = path(new JobJar(key, key).key());
        try {
            return CompletableFuture.completedFuture(Files.readAllBytes(file));
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("The JobManager holds no jar " + key
                    + " (its job ended, or the JobManager restarted): " + e.getMessage(), e));
        }
    }

    /**
     * Keeps the jars of a job that starts until it {@link #release releases} them; an unclaimed
     * upload of a jar becomes the job's hold.
     */
    synchronized void retain(Collection<JobJar> jars) {
        for (JobJar jar : jars) {
            Integer unclaimed = unclaimedUploads.get(jar.key());
            if (unclaimed == null) {
                holders.merge(jar.key(), 1, Integer::sum);
            } else if (unclaimed == 1) {
                unclaimedUploads.remove(jar.key());
            } else {
                unclaimedUploads.put(jar.key(), unclaimed - 1);
            }
        }
    }

    /**
     * A job using {@code jars} ended (or was refused): deletes the jars no other running job uses and
     * no upload holds. Deletes under the lock, so an upload of the same jar waits for it and writes
     * the file again.
     */
    synchronized void release(Collection<JobJar> jars) {
        for (JobJar jar : jars) {
            if (holders.merge(jar.key(), -1, Integer::sum) > 0) {
                continue;
            }
            holders.remove(jar.key());
            try {
                Files.deleteIfExists(path(jar.key()));
            } catch (IOException e) {
                LOG.warn("Could not delete the jar {} ({})", jar.name(), path(jar.key()), e);
            }
        }
    }

    Path directory() {
        return directory;
    }

    Path path(String key) {
        return directory.resolve(key + ".jar");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.warn("Could not delete the blob directory {}", directory, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
