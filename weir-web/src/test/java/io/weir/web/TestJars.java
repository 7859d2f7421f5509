package io.weir.web;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real jars for the jar upload tests: compiled from source, or from an example's classes. */
final class TestJars {
    private TestJars() {}

    /**
     * Compiles {@code sources} (fully qualified class name → source) against the test classpath and
     * packs the classes into a jar whose manifest names {@code mainClass}.
     */
    static Path compile(Path dir, String jarName, String mainClass, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve("src-" + jarName));
        Path classes = Files.createDirectories(dir.resolve("classes-" + jarName));
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, System.err, arguments.toArray(new String[0])) != 0) {
            throw new AssertionError("the test program did not compile; see the output above");
        }
        return pack(classes, "", dir.resolve(jarName), mainClass);
    }

    /** A jar of the examples' classes under {@code io/weir/examples/<example>/}, runnable by {@code mainClass}. */
    static Path example(Path dir, Class<?> mainClass) throws IOException {
        Path source;
        try {
            source = Path.of(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        String prefix = mainClass.getPackageName().replace('.', '/') + "/";
        Path jar = dir.resolve(mainClass.getSimpleName().toLowerCase(java.util.Locale.ROOT) + "-example.jar");
        if (Files.isDirectory(source)) {
            return pack(source, prefix, jar, mainClass.getName());
        }
        Path classes = Files.createDirectories(dir.resolve("example-classes"));
        try (JarFile examples = new JarFile(source.toFile())) {
            for (JarEntry entry : java.util.Collections.list(examples.entries())) {
                if (entry.getName().startsWith(prefix) && !entry.isDirectory()) {
                    Path target = classes.resolve(entry.getName());
                    Files.createDirectories(target.getParent());
                    Files.copy(examples.getInputStream(entry), target);
                }
            }
        }
        return pack(classes, prefix, jar, mainClass.getName());
    }

    private static Path pack(Path classes, String prefix, Path jar, String mainClass) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                String name = classes.relativize(path).toString().replace('\\', '/');
                if (Files.isRegularFile(path) && name.startsWith(prefix)) {
                    out.putNextEntry(new JarEntry(name));
                    Files.copy(path, out);
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
