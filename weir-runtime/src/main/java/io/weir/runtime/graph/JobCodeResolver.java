package io.weir.runtime.graph;

import io.weir.api.execution.JobID;
import java.io.IOException;
import java.util.List;

/**
 * Gives a process the class loader of a job's shipped jars while a {@link JobGraph} is read (see
 * {@link UserCodeObjectInputStream}). On a cluster the TaskManagers fetch the jars from the
 * JobManager's blob service; one loader per job serves every graph of that job read in the process.
 *
 * <p>Threading: called from whichever thread reads a graph; implementations are thread-safe.
 */
public interface JobCodeResolver {
    /**
     * A lease on the class loader of {@code job}'s {@code jars}: the loader stays open until every
     * lease on it is closed. May block while the jars are fetched.
     *
     * @throws IOException if a jar cannot be fetched or is not the jar its key names
     */
    Lease acquire(JobID job, List<JobJar> jars) throws IOException;

    /** One holder's use of a job's class loader; closing it twice does nothing. */
    interface Lease extends AutoCloseable {
        ClassLoader classLoader();

        @Override
        void close();
    }
}
