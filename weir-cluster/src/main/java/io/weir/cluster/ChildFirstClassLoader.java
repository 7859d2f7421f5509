package io.weir.cluster;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one job's shipped jars in a cluster process: the job's own classes (and the
 * libraries it bundles) come from its jars first, so a job can bring another version of a library
 * than the cluster's; classes of Java ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}),
 * of Weir ({@code io.weir.}) and of the logging API ({@code org.slf4j.}) always come from the
 * process, so the job and the engine share one {@code StreamOperator}, one {@code Logger}.
 *
 * <p>Threading: parallel capable, like {@link URLClassLoader}.
 */
final class ChildFirstClassLoader extends URLClassLoader {
    private static final List<String> PARENT_FIRST = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "io.weir.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    ChildFirstClassLoader(String name, URL[] jars, ClassLoader parent) {
        super(name, jars, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isParentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheJobsJars) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = isParentFirst(name.replace('/', '.')) ? null : findResource(name);
        return own != null ? own : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        Enumeration<URL> parents = getParent().getResources(name);
        while (parents.hasMoreElements()) {
            all.add(parents.nextElement());
        }
        return Collections.enumeration(all);
    }

    private static boolean isParentFirst(String name) {
        for (String prefix : PARENT_FIRST) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
