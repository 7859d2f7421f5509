package io.weir.cluster;

import io.weir.api.execution.JobID;
import io.weir.runtime.graph.JobCodeResolver;
import io.weir.runtime.graph.JobJar;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's copies of the jobs' shipped jars and their class loaders: the first graph of a job
 * that arrives fetches the job's jars into a directory of the job's own and opens a
 * {@link ChildFirstClassLoader} over them; every graph of the job read afterwards shares that
 * loader. When the last lease ends (the job's last task here ended), the loader is closed and the
 * directory deleted, so a finished job leaves neither classes nor files behind.
 *
 * <p>Threading: safe for concurrent use; a job's jars are fetched once, under that job's lock only.
 */
final class JobCodeCache implements JobCodeResolver, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobCodeCache.class);

    /** Where a jar's bytes come from: the JobManager's blob service. */
    interface JarSource {
        byte[] fetch(JobJar jar) throws IOException;
    }

    private final Path directory;
    private final JarSource source;
    private final ClassLoader parent;
    private final Map<JobID, JobCode> jobs = new ConcurrentHashMap<>();

    JobCodeCache(Path directory, JarSource source, ClassLoader parent) {
        this.directory = directory;
        this.source = source;
        this.parent = parent;
    }

    @Override
    public Lease acquire(JobID job, List<JobJar> jars) throws IOException {
        while (true) {
            JobCode code = jobs.computeIfAbsent(job, JobCode::new);
            Lease lease = code.lease(jars);
            if (lease != null) {
                return lease;
            }
            jobs.remove(job, code); // it was closed by its last lease meanwhile: start over
        }
    }

    /** How many jobs have a class loader open here (for tests and metrics). */
    int openJobs() {
        return jobs.size();
    }

    @Override
    public void close() {
        jobs.values().forEach(JobCode::closeNow);
        jobs.clear();
    }

    /** One job's jars and loader, and how many holders use them. */
    private final class JobCode {
        private final JobID job;
        private ChildFirstClassLoader loader;
        private Path jobDirectory;
        private int leases;
        private boolean closed;

        JobCode(JobID job) {
            this.job = job;
        }

        /** A new lease, or {@code null} if this job's code was closed already. */
        synchronized Lease lease(List<JobJar> jars) throws IOException {
            if (closed) {
                return null;
            }
            if (loader == null) {
                open(jars);
            }
            leases++;
            return new Lease() {
                private boolean released;

                @Override
                public ClassLoader classLoader() {
                    return loader;
                }

                @Override
                public void close() {
                    synchronized (JobCode.this) {
                        if (released) {
                            return;
                        }
                        released = true;
                        if (--leases == 0) {
                            closeNow();
                        }
                    }
                }
            };
        }

        private void open(List<JobJar> jars) throws IOException {
            jobDirectory = Files.createDirectories(directory.resolve("job-" + job.toHexString()));
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                JobJar jar = jars.get(i);
                byte[] bytes = source.fetch(jar);
                if (!BlobStore.sha256(bytes).equals(jar.key())) {
                    throw new IOException("The copy of " + jar.name() + " fetched for job " + job
                            + " does not match its key: it changed on the way");
                }
                Path file = jobDirectory.resolve(jar.key() + ".jar");
                Files.write(file, bytes);
                urls[i] = file.toUri().toURL();
            }
            loader = new ChildFirstClassLoader("weir-job-" + job.toHexString(), urls, parent);
            LOG.info("Loaded {} jar(s) of job {}", jars.size(), job);
        }

        synchronized void closeNow() {
            closed = true;
            try {
                if (loader != null) {
                    loader.close();
                }
                if (jobDirectory != null) {
                    try (Stream<Path> files = Files.list(jobDirectory)) {
                        for (Path file : (Iterable<Path>) files::iterator) {
                            Files.deleteIfExists(file);
                        }
                    }
                    Files.deleteIfExists(jobDirectory);
                }
            } catch (IOException e) {
                LOG.warn("Could not delete the jars of job {} in {}", job, jobDirectory, e);
            }
            jobs.remove(job, this);
            LOG.info("Released the code of job {}", job);
        }
    }
}
