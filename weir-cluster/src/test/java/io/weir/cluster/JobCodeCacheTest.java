package io.weir.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.execution.JobID;
import io.weir.runtime.graph.JobCodeResolver;
import io.weir.runtime.graph.JobJar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's per-job class loaders over jars from a real {@link BlobStore}: fetched once per job,
 * child-first except for Java's and Weir's classes, closed and deleted with the last lease, and a
 * copy that does not match its key refused.
 */
class JobCodeCacheTest {
    @TempDir
    Path dir;

    /** A jar with one resource file and a file shadowing one of Weir's resources. */
    private static byte[] jar(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            out.putNextEntry(new JarEntry("greeting.txt"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            out.putNextEntry(new JarEntry("io/weir/cluster/JobCodeCache.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void oneLoaderPerJobFetchedOnceAndDroppedWithTheLastLease() throws Exception {
        try (BlobStore blobs = new BlobStore(dir.resolve("jobmanager"))) {
            JobJar stored = blobs.upload("job.jar", jar("hello from the job")).join();
            AtomicInteger fetches = new AtomicInteger();
            Path copies = dir.resolve("taskmanager");
            JobCodeCache cache = new JobCodeCache(copies, jar -> {
                fetches.incrementAndGet();
                return blobs.download(jar.key()).join();
            }, getClass().getClassLoader());
            JobID job = JobID.generate();

            JobCodeResolver.Lease first = cache.acquire(job, List.of(stored));
            JobCodeResolver.Lease second = cache.acquire(job, List.of(stored));
            assertSame(first.classLoader(), second.classLoader(), "the job's tasks share one loader");
            assertEquals(1, fetches.get(), "the jar is fetched once per job");
            ClassLoader loader = first.classLoader();
            assertEquals("hello from the job", new String(loader.getResourceAsStream("greeting.txt").readAllBytes(),
                    StandardCharsets.UTF_8), "the job's own resources come from its jar");
            assertSame(JobCodeCache.class, loader.loadClass(JobCodeCache.class.getName()),
                    "Weir's classes come from the process, even if the jar has a class of that name");
            assertTrue(loader.getResource("io/weir/cluster/JobCodeCache.class").toString().contains("target"),
                    "Weir's resources come from the process too");

            first.close();
            first.close(); // twice does nothing
            assertEquals(1, cache.openJobs(), "still leased by the second holder");
            second.close();
            assertEquals(0, cache.openJobs());
            try (var left = Files.list(copies)) {
                assertEquals(0, left.count(), "the job's copies are deleted with its last lease");
            }
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("shipped.Nothing"));

            cache.acquire(job, List.of(stored)).close(); // a later task of the same job fetches again
            assertEquals(2, fetches.get());
        }
    }

    @Test
    void aCopyThatDoesNotMatchItsKeyIsRefused() throws Exception {
        try (BlobStore blobs = new BlobStore(dir.resolve("jobmanager"))) {
            JobJar stored = blobs.upload("job.jar", jar("original")).join();
            byte[] other = jar("tampered");
            JobCodeCache cache = new JobCodeCache(dir.resolve("taskmanager"), jar -> other, getClass().getClassLoader());
            IOException refused = assertThrows(IOException.class, () -> cache.acquire(JobID.generate(), List.of(stored)));
            assertTrue(refused.getMessage().contains("does not match its key"), refused.getMessage());
        }
    }

    @Test
    void theBlobStoreRefusesWhatIsNotAJarAndDeletesAJarWhenItsLastJobEnds() throws Exception {
        try (BlobStore blobs = new BlobStore(dir.resolve("jobmanager"))) {
            Throwable notAJar = assertThrows(Exception.class,
                    () -> blobs.upload("notes.jar", "plain text".getBytes(StandardCharsets.UTF_8)).join()).getCause();
            assertTrue(notAJar.getMessage().contains("'notes.jar' is not a"), notAJar.getMessage());

            JobJar stored = blobs.upload("job.jar", jar("x")).join();
            blobs.retain(List.of(stored));
            blobs.retain(List.of(stored));
            blobs.release(List.of(stored));
            assertTrue(Files.exists(blobs.path(stored.key())), "another job still uses it");
            blobs.release(List.of(stored));
            assertFalse(Files.exists(blobs.path(stored.key())));
        }
    }

    /** Found by {@code FiftyJobsClassUnloadingTest}: the same jar, submitted again while its last job ends. */
    @Test
    void aJarUploadedAgainForTheNextJobIsNotDeletedWhenThePreviousJobEnds() throws Exception {
        try (BlobStore blobs = new BlobStore(dir.resolve("jobmanager"))) {
            JobJar first = blobs.upload("job.jar", jar("x")).join();
            blobs.retain(List.of(first)); // the first job starts
            JobJar second = blobs.upload("job.jar", jar("x")).join(); // the next job's client uploads it again
            blobs.release(List.of(first)); // the first job ends before the next one starts
            assertTrue(Files.exists(blobs.path(second.key())), "the next job's upload holds the jar");
            blobs.retain(List.of(second));
            blobs.release(List.of(second));
            assertFalse(Files.exists(blobs.path(second.key())), "deleted when the job that claimed the upload ended");
        }
    }
}
