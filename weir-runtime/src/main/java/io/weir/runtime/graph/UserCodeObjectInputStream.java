package io.weir.runtime.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;
import java.util.List;

/**
 * Reads serialized objects that may hold the user's classes (functions, types, events), resolving
 * classes through the job's class loader first and the JDK's default resolution after. A
 * {@link JobGraph} read from it takes {@link #classLoader()} as its user class loader.
 *
 * <p>With a {@link JobCodeResolver}, a graph that names shipped jars ({@link JobGraph#getJars()})
 * switches the stream to the class loader of those jars before its own fields are read, so the rest
 * of the graph (and of the stream) resolves the job's classes; the graph holds the lease.
 *
 * <p>Threading: like any object stream, one thread at a time.
 */
public class UserCodeObjectInputStream extends ObjectInputStream {
    private final JobCodeResolver jobCode;
    private ClassLoader classLoader;

    /** @param classLoader the job's class loader, or {@code null} for the default resolution only */
    public UserCodeObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
        this(in, classLoader, null);
    }

    /**
     * @param classLoader the class loader until a graph with shipped jars switches it
     * @param jobCode where the class loaders of shipped jars come from; {@code null} if jars are not
     *     shipped to this process (then their classes must be on its classpath)
     */
    public UserCodeObjectInputStream(InputStream in, ClassLoader classLoader, JobCodeResolver jobCode)
            throws IOException {
        super(in);
        this.classLoader = classLoader;
        this.jobCode = jobCode;
    }

    public ClassLoader classLoader() {
        return classLoader;
    }

    /**
     * Called by a graph being read: switches to the class loader of its jars and returns the lease
     * on it, or {@code null} when this stream resolves no shipped jars.
     */
    JobCodeResolver.Lease useJobCode(io.weir.api.execution.JobID job, List<JobJar> jars) throws IOException {
        if (jobCode == null || jars.isEmpty()) {
            return null;
        }
        JobCodeResolver.Lease lease = jobCode.acquire(job, jars);
        classLoader = lease.classLoader();
        return lease;
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        if (classLoader != null) {
            try {
                return Class.forName(desc.getName(), false, classLoader);
            } catch (ClassNotFoundException e) {
                // fall through to the default resolution (primitives, JDK classes)
            }
        }
        return super.resolveClass(desc);
    }
}
