package io.weir.runtime.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectStreamClass;

/**
 * Reads serialized objects that may hold the user's classes (functions, types, events), resolving
 * classes through the job's class loader first and the JDK's default resolution after. A
 * {@link JobGraph} read from it takes {@link #classLoader()} as its user class loader.
 */
public class UserCodeObjectInputStream extends ObjectInputStream {
    private final ClassLoader classLoader;

    /** @param classLoader the job's class loader, or {@code null} for the default resolution only */
    public UserCodeObjectInputStream(InputStream in, ClassLoader classLoader) throws IOException {
        super(in);
        this.classLoader = classLoader;
    }

    public ClassLoader classLoader() {
        return classLoader;
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
