package io.weir.cluster;

import io.weir.runtime.graph.JobGraph;
import io.weir.runtime.graph.JobJar;
import io.weir.runtime.minicluster.JobLifecycleHook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JobManager's side of shipping jobs' jars: a job that arrives with jars (from a client of the
 * dispatcher) keeps them in the blob store while it runs; a job built on the JobManager itself (a
 * REST jar run, whose program runs there) has the jars of its class loader stored first, so the
 * TaskManagers can fetch them too. When the job ends, its jars and its class loader here go.
 *
 * <p>Threading: called by the cluster around each job; the blob store is thread-safe.
 */
final class JobJarShipping implements JobLifecycleHook {
    private final BlobStore blobs;

    JobJarShipping(BlobStore blobs) {
        this.blobs = blobs;
    }

    @Override
    public void beforeStart(JobGraph job) {
        if (job.getJars().isEmpty()) {
            job.setJars(store(job));
        }
        blobs.retain(job.getJars());
    }

    private List<JobJar> store(JobGraph job) {
        List<JobJar> jars = new ArrayList<>();
        try {
            for (JobClasspath.Entry entry : JobClasspath.of(job.getUserClassLoader(), JobJarShipping.class.getClassLoader())) {
                jars.add(blobs.upload(entry.name(), entry.jar()).join());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The jars of job '" + job.getName() + "' cannot be stored for the"
                    + " TaskManagers: " + e.getMessage(), e);
        }
        return jars;
    }

    @Override
    public void afterEnd(JobGraph job) {
        job.releaseUserCode();
        blobs.release(job.getJars());
    }
}
