package io.weir.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;

/**
 * Finds a job's main class and calls its {@code main(String[])}.
 *
 * <p>Threading: everything runs on the calling thread, with the job's class loader as the
 * thread's context class loader for the duration of {@code main}. The job's classes are loaded
 * parent-first, so the job sees the same Weir classes as the distribution's {@code lib/}.
 */
final class JobLauncher {

    private JobLauncher() {}

    /**
     * A loader for the given jars and class directories on top of the distribution's classpath,
     * or the distribution's own loader when there are none.
     *
     * @throws UserError if an entry does not exist
     */
    static ClassLoader classLoaderFor(List<Path> classpath) {
        ClassLoader parent = JobLauncher.class.getClassLoader();
        if (classpath.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path entry = classpath.get(i);
            if (!Files.exists(entry)) {
                throw new UserError("classpath entry '" + entry + "' does not exist;"
                        + " pass a jar file or a directory of classes with -c.");
            }
            if (Files.isRegularFile(entry)) {
                try (JarFile jar = new JarFile(entry.toFile())) {
                    jar.size(); // opening reads the central directory: a truncated or non-zip file fails here
                } catch (IOException e) {
                    throw new UserError("classpath entry '" + entry + "' is not a readable jar (" + e.getMessage()
                            + "); rebuild it, or pass the job's jar or a directory of classes with -c.");
                }
            }
            try {
                urls[i] = entry.toAbsolutePath().toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UserError("classpath entry '" + entry + "' is not a usable path: " + e.getMessage());
            }
        }
        return new URLClassLoader("weir-job", urls, parent);
    }

    /**
     * The {@code public static void main(String[])} of the named class, without initialising it.
     *
     * @throws ClassNotFoundException if the loader does not know the class; callers explain
     *     the fix, which depends on where the name came from
     * @throws UserError if the class cannot be loaded or has no such method
     */
    static Method findMain(ClassLoader loader, String className) throws ClassNotFoundException {
        Class<?> mainClass;
        try {
            mainClass = Class.forName(className, false, loader);
        } catch (LinkageError e) {
            throw new UserError("class '" + className + "' cannot be loaded (" + e
                    + "); was it compiled for Java 17 against this Weir version?");
        }
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        }
        if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new UserError("class '" + className + "' has no 'public static void main(String[] args)';"
                    + " name the class that builds and executes the job.");
        }
        // The class itself may be package-private; the launcher of a plain JVM allows that too.
        main.setAccessible(true);
        return main;
    }

    /**
     * Calls {@code main} with the job's arguments.
     *
     * @return {@code 0} when {@code main} returned, {@link WeirCli#USER_ERROR} when it rejected its
     *     arguments ({@link #isArgumentError}), {@link WeirCli#JOB_FAILED} after reporting what else it
     *     threw to {@code err}
     */
    static int invoke(Method main, ClassLoader loader, List<String> args, PrintWriter err) {
        return invokeMain(main, loader, args, err);
    }

    /**
     * Whether {@code thrown} is the job rejecting its arguments before it built anything: an
     * {@code IllegalArgumentException} (so also a {@code NumberFormatException}) thrown without any
     * Weir engine or API frame on the stack, i.e. by the job's own argument parsing. That is the
     * user's typing, not a job failure, so it gets a one-line message and no stack trace.
     */
    static boolean isArgumentError(Throwable thrown) {
        if (!(thrown instanceof IllegalArgumentException) || thrown.getCause() != null) {
            return false;
        }
        for (StackTraceElement frame : thrown.getStackTrace()) {
            String type = frame.getClassName();
            if (type.startsWith("io.weir.") && !type.startsWith("io.weir.cli.") && !type.startsWith("io.weir.examples.")) {
                return false;
            }
        }
        return true;
    }

    private static int invokeMain(Method main, ClassLoader loader, List<String> args, PrintWriter err) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            main.invoke(null, (Object) args.toArray(new String[0]));
            return 0;
        } catch (InvocationTargetException e) {
            if (isArgumentError(e.getCause())) {
                err.println("Error: invalid arguments for " + main.getDeclaringClass().getName() + ": "
                        + e.getCause().getMessage());
                err.flush();
                return WeirCli.USER_ERROR;
            }
            JobFailureReport.print(e.getCause(), err);
            return WeirCli.JOB_FAILED;
        } catch (ExceptionInInitializerError e) {
            // The job's static initialiser threw before main began: still the job's failure.
            JobFailureReport.print(e.getCause() != null ? e.getCause() : e, err);
            return WeirCli.JOB_FAILED;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("main was made accessible but still cannot be called", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
