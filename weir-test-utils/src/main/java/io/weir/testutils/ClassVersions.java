package io.weir.testutils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources into a class loader of their own, so that one test can hold two versions of
 * the same class, as a job before and after an upgrade does: state written with version 1 of a POJO
 * and restored with version 2. Each version's loader delegates to the test's class path for
 * everything else (Weir, the JDK).
 *
 * <pre>{@code
 * ClassLoader v1 = ClassVersions.compile(dir.resolve("v1"), Map.of("demo.Profile",
 *         "package demo; public class Profile { public String name; public int visits; }"));
 * Class<?> profile = v1.loadClass("demo.Profile");
 * }</pre>
 */
public final class ClassVersions {
    private ClassVersions() {}

    /**
     * Compiles {@code sources} (class name → source text) into {@code directory} and returns a
     * loader for them; fails with the compiler's messages when a source does not compile.
     */
    public static URLClassLoader compile(Path directory, Map<String, String> sources) {
        try {
            Path sourceRoot = Files.createDirectories(directory.resolve("src"));
            Path classes = Files.createDirectories(directory.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac == null) {
                throw new IllegalStateException("No Java compiler: run the tests on a JDK, not a JRE");
            }
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            int status = javac.run(null, messages, messages, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new IllegalArgumentException("The sources do not compile:\n" + messages);
            }
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, ClassVersions.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot compile into " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} with {@code loader} as the thread's context class loader, as a job's task thread has it. */
    public static <T> T withContextClassLoader(ClassLoader loader, java.util.concurrent.Callable<T> action)
            throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return action.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
