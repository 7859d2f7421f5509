package io.weir.web;

import io.weir.api.configuration.Configuration;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory of uploaded jars ({@code web.upload.dir}). A jar is stored as
 * {@code <uuid>_<name>.jar}, Flink's id, with the name reduced to letters, digits, {@code .},
 * {@code _} and {@code -}; an id from a request must have that form and name a regular file of
 * the directory, so no request reaches a file outside it.
 *
 * <p>Threading: safe for concurrent requests; a jar is written under a temporary name and renamed
 * once complete and checked, so a listing never shows half a jar.
 */
final class JarStore implements AutoCloseable {
    /** One stored jar, in Flink's shape: {@code id}, {@code name}, {@code uploaded}, and its entry class. */
    record StoredJar(String id, String name, long uploaded, String mainClass) {}

    private static final Pattern ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_[A-Za-z0-9._-]+\\.jar");
    private static final int UUID_PREFIX = 37;

    private final Path directory;
    /** Whether the directory was made for this server, and goes when it stops. */
    private final boolean temporary;

    private JarStore(Path directory, boolean temporary) {
        this.directory = directory;
        this.temporary = temporary;
    }

    /**
     * The configured directory (created if missing), or a new temporary one.
     *
     * @throws IllegalArgumentException if the configured directory cannot be created
     */
    static JarStore open(Configuration configuration) {
        String configured = configuration.getOptional(WebOptions.UPLOAD_DIR).orElse(null);
        try {
            if (configured == null) {
                return new JarStore(Files.createTempDirectory("weir-web-jars-"), true);
            }
            Path directory = Path.of(configured).toAbsolutePath().normalize();
            return new JarStore(Files.createDirectories(directory), false);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the jar upload directory" + (configured == null ? ""
                    : " '" + configured + "' (" + WebOptions.UPLOAD_DIR.key() + ")") + ": " + e
                    + ". Point " + WebOptions.UPLOAD_DIR.key() + " at a writable directory.", e);
        }
    }

    Path directory() {
        return directory;
    }

    /**
     * Stores an uploaded jar.
     *
     * @throws RestError 400 if the name does not end in {@code .jar} or the content is not a jar
     */
    StoredJar store(String fileName, InputStream content) throws IOException {
        // browsers send a bare name; other clients may send a path, of which only the last part counts
        String name = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar") || name.length() <= 4) {
            throw RestError.badRequest("Only jar files can be uploaded; '" + fileName + "' does not end in .jar.");
        }
        String id = UUID.randomUUID() + "_" + name.replaceAll("[^A-Za-z0-9._-]", "_");
        id = id.substring(0, id.length() - 4) + ".jar";
        Path partial = directory.resolve(".upload-" + UUID.randomUUID());
        try {
            Files.copy(content, partial);
            String mainClass = mainClassOf(partial, name);
            Path target = directory.resolve(id);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredJar(id, id.substring(UUID_PREFIX), Files.getLastModifiedTime(target).toMillis(), mainClass);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Every stored jar, the newest first. */
    List<StoredJar> list() throws IOException {
        List<StoredJar> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String id = entry.getFileName().toString();
                if (ID.matcher(id).matches() && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    jars.add(describe(entry));
                }
            }
        }
        jars.sort(Comparator.comparingLong(StoredJar::uploaded).reversed().thenComparing(StoredJar::id));
        return jars;
    }

    /**
     * The stored jar with this id.
     *
     * @throws RestError 400 for a malformed id, 404 for one the directory does not hold
     */
    StoredJar find(String id) throws IOException {
        if (!ID.matcher(id).matches()) {
            throw RestError.badRequest("'" + id + "' is not a jar id; GET /jars lists the ids (<uuid>_<name>.jar).");
        }
        Path jar = directory.resolve(id);
        if (!Files.isRegularFile(jar, LinkOption.NOFOLLOW_LINKS)) {
            throw RestError.notFound("There is no uploaded jar '" + id + "'; GET /jars lists the ids.");
        }
        return describe(jar);
    }

    Path path(StoredJar jar) {
        return directory.resolve(jar.id());
    }

    void delete(String id) throws IOException {
        Files.deleteIfExists(path(find(id)));
    }

    private StoredJar describe(Path jar) throws IOException {
        String id = jar.getFileName().toString();
        String mainClass;
        try {
            mainClass = mainClassOf(jar, id.substring(UUID_PREFIX));
        } catch (RestError e) {
            mainClass = null; // put there by hand and unreadable: listed, and running it says why
        }
        return new StoredJar(id, id.substring(UUID_PREFIX), Files.getLastModifiedTime(jar).toMillis(), mainClass);
    }

    /**
     * The class the jar's manifest names ({@code Main-Class}, or Flink's {@code program-class}), or
     * {@code null}.
     *
     * @throws RestError 400 if the file is not a readable jar
     */
    private static String mainClassOf(Path jar, String name) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            if (manifest == null) {
                return null;
            }
            Attributes main = manifest.getMainAttributes();
            String program = main.getValue("program-class");
            return program != null ? program : main.getValue(Attributes.Name.MAIN_CLASS);
        } catch (IOException | SecurityException e) {
            throw RestError.badRequest("'" + name + "' is not a valid jar (" + e.getMessage() + "); upload the jar"
                    + " file your build produced.");
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the temporary jar directory " + directory, e);
        }
    }
}
