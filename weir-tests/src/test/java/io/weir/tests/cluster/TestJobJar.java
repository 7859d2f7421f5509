package io.weir.tests.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A job compiled by a test into a jar of its own, so that its classes are on no process's classpath
 * (not even the test's): what a user's job jar is to a cluster.
 */
final class TestJobJar {
    private TestJobJar() {}

    /**
     * Compiles one source file against the test's classpath and packs its classes into {@code jar}.
     *
     * @param className the fully qualified name of the source's public class
     */
    static Path compile(Path workDirectory, String className, String source, Path jar) throws IOException {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        Path sources = Files.createDirectories(workDirectory.resolve("src-" + simpleName));
        Path file = sources.resolve(simpleName + ".java");
        Files.writeString(file, source);
        Path classes = Files.createDirectories(workDirectory.resolve("classes-" + simpleName));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "--release", "17", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), file.toString());
        assertEquals(0, result, "the job compiles");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out);
                Stream<Path> compiled = Files.walk(classes)) {
            for (Path clazz : compiled.filter(Files::isRegularFile).sorted().toList()) {
                entries.putNextEntry(new JarEntry(classes.relativize(clazz).toString().replace('\\', '/')));
                Files.copy(clazz, entries);
                entries.closeEntry();
            }
        }
        return jar;
    }
}
