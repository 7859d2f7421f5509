package io.weir.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a job's class loader adds to its process's classpath (the {@code -c} entries of
 * {@code bin/weir run}, an uploaded jar of a REST run): what the cluster ships with the job. A
 * directory of classes becomes the bytes of a jar.
 */
final class JobClasspath {
    /** One entry: its file name (for messages) and its bytes as a jar. */
    record Entry(String name, byte[] jar) {}

    private JobClasspath() {}

    /**
     * The entries of the URL class loaders between {@code userClassLoader} and {@code processClassLoader}
     * (exclusive); none when the job uses the process's own loader.
     *
     * @throws IOException if an entry is no local file or cannot be read
     */
    static List<Entry> of(ClassLoader userClassLoader, ClassLoader processClassLoader) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (ClassLoader loader = userClassLoader; loader != null && loader != processClassLoader;
                loader = loader.getParent()) {
            if (!(loader instanceof URLClassLoader urls)) {
                continue;
            }
            for (URL url : urls.getURLs()) {
                Path path;
                try {
                    path = Path.of(url.toURI());
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new IOException("The job's classpath entry " + url + " is not a local file; pass jars or"
                            + " directories of classes", e);
                }
                entries.add(Files.isDirectory(path) ? new Entry(path.getFileName() + ".jar", packed(path))
                        : new Entry(path.getFileName().toString(), Files.readAllBytes(path)));
            }
        }
        return entries;
    }

    /** A directory of classes as the bytes of a jar. */
    private static byte[] packed(Path directory) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                jar.putNextEntry(new JarEntry(directory.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, jar);
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
