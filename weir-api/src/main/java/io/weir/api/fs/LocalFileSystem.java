package io.weir.api.fs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The local disk, for {@code file:} paths and paths without a scheme (relative ones are resolved
 * against the working directory). Renames are atomic; new files are visible as they are written.
 *
 * <p>Threading: stateless, safe for concurrent use.
 */
public final class LocalFileSystem extends FileSystem {
    static final String SCHEME = "file";
    static final LocalFileSystem INSTANCE = new LocalFileSystem();

    private LocalFileSystem() {}

    /** The java.nio path of a local {@link Path}. */
    public static java.nio.file.Path toNioPath(Path path) {
        String scheme = path.toUri().getScheme();
        if (scheme != null && !scheme.equalsIgnoreCase(SCHEME)) {
            throw new IllegalArgumentException("Not a local path: " + path);
        }
        return java.nio.file.Path.of(path.toUri().getPath()).toAbsolutePath();
    }

    @Override
    public URI getUri() {
        return URI.create("file:///");
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        return status(toNioPath(path), path);
    }

    private static FileStatus status(java.nio.file.Path file, Path path) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStatus(path, attributes.isDirectory() ? 0 : attributes.size(), attributes.isDirectory(),
                    attributes.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No file or directory " + path);
        }
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        java.nio.file.Path dir = toNioPath(path);
        FileStatus self = status(dir, path);
        if (!self.isDir()) {
            return new FileStatus[] {self};
        }
        List<FileStatus> children = new ArrayList<>();
        try (Stream<java.nio.file.Path> entries = Files.list(dir)) {
            for (java.nio.file.Path entry : (Iterable<java.nio.file.Path>) entries::iterator) {
                try {
                    children.add(status(entry, new Path(path, entry.getFileName().toString())));
                } catch (FileNotFoundException deletedMeanwhile) {
                    // listed, then deleted before we looked at it: it is not there any more
                }
            }
        }
        return children.toArray(new FileStatus[0]);
    }

    @Override
    public FSDataInputStream open(Path path) throws IOException {
        try {
            return new LocalDataInputStream(toNioPath(path));
        } catch (NoSuchFileException e) {
            throw new FileNotFoundException("No file " + path);
        }
    }

    @Override
    public FSDataOutputStream create(Path path, WriteMode mode) throws IOException {
        java.nio.file.Path file = toNioPath(path);
        Files.createDirectories(file.getParent());
        try {
            return new LocalDataOutputStream(file, mode == WriteMode.OVERWRITE
                    ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING}
                    : new StandardOpenOption[] {StandardOpenOption.CREATE_NEW});
        } catch (FileAlreadyExistsException e) {
            throw new IOException("The file " + path + " exists already (and overwriting was not asked for)", e);
        }
    }

    @Override
    public boolean delete(Path path, boolean recursive) throws IOException {
        java.nio.file.Path file = toNioPath(path);
        if (!Files.exists(file)) {
            return false;
        }
        if (!recursive) {
            try {
                return Files.deleteIfExists(file);
            } catch (DirectoryNotEmptyException e) {
                throw new IOException("The directory " + path + " is not empty (delete it recursively)", e);
            }
        }
        try (Stream<java.nio.file.Path> files = Files.walk(file)) {
            for (java.nio.file.Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    @Override
    public boolean mkdirs(Path path) throws IOException {
        Files.createDirectories(toNioPath(path));
        return true;
    }

    @Override
    public boolean rename(Path source, Path target) throws IOException {
        java.nio.file.Path to = toNioPath(target);
        Files.createDirectories(to.getParent());
        try {
            Files.move(toNioPath(source), to, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    @Override
    public boolean isDistributedFS() {
        return false;
    }

    @Override
    public RecoverableWriter createRecoverableWriter() {
        return LocalRecoverableWriter.INSTANCE;
    }
}
