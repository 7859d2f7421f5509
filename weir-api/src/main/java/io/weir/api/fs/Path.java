package io.weir.api.fs;

import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file or directory in some file system, named by a URI: {@code /data/in} or {@code file:///data/in}
 * on the local disk, {@code s3://bucket/prefix/key} on S3. The scheme picks the {@link FileSystem};
 * a path without one is local. Paths are values: immutable, compared by their normalized URI.
 */
public final class Path implements Serializable, Comparable<Path> {
    private static final long serialVersionUID = 1L;

    /** The separator between the names of a path. */
    public static final String SEPARATOR = "/";

    private static final Pattern WITH_SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):(//([^/]*))?(.*)$");

    private final URI uri;

    /** A path from a string: a URI with a scheme ({@code s3://bucket/key}) or a plain path ({@code /data/in}). */
    public Path(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("A path must not be null or empty");
        }
        Matcher m = WITH_SCHEME.matcher(path);
        if (m.matches() && !(m.group(1).length() == 1 && File.separatorChar == '\\')) {
            this.uri = uri(m.group(1), m.group(3), m.group(4).isEmpty() ? SEPARATOR : m.group(4));
        } else {
            this.uri = uri(null, null, path);
        }
    }

    public Path(URI uri) {
        this.uri = uri(uri.getScheme(), uri.getAuthority(), uri.getPath() == null ? SEPARATOR : uri.getPath());
    }

    /** The child named {@code child} of {@code parent}. */
    public Path(Path parent, String child) {
        String base = parent.uri.getPath();
        String joined = base.endsWith(SEPARATOR) ? base + child : base + SEPARATOR + child;
        this.uri = uri(parent.uri.getScheme(), parent.uri.getAuthority(), joined);
    }

    public Path(String parent, String child) {
        this(new Path(parent), child);
    }

    /** The path of a local file. */
    public static Path fromLocalFile(File file) {
        return new Path(file.getAbsoluteFile().toURI());
    }

    private static URI uri(String scheme, String authority, String path) {
        String normalized = path.replaceAll("/{2,}", SEPARATOR);
        if (normalized.length() > 1 && normalized.endsWith(SEPARATOR)) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        try {
            return new URI(scheme, authority == null || authority.isEmpty() ? null : authority, normalized, null, null)
                    .normalize();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid path: " + path + " (" + e.getMessage() + ")", e);
        }
    }

    public URI toUri() {
        return uri;
    }

    /** The last name of the path ({@code c} for {@code /a/b/c}); empty for the root. */
    public String getName() {
        String path = uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The path without its last name, or {@code null} for a root. */
    public Path getParent() {
        String path = uri.getPath();
        int last = path.lastIndexOf('/');
        if (path.equals(SEPARATOR) || last < 0) {
            return null;
        }
        return new Path(uri.getScheme(), uri.getAuthority(), last == 0 ? SEPARATOR : path.substring(0, last));
    }

    private Path(String scheme, String authority, String path) {
        this.uri = uri(scheme, authority, path);
    }

    public boolean isAbsolute() {
        return uri.getPath().startsWith(SEPARATOR);
    }

    /** The file system this path belongs to (by its scheme; local when it has none). */
    public FileSystem getFileSystem() throws IOException {
        return FileSystem.get(uri);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Path other && uri.equals(other.uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public int compareTo(Path other) {
        return uri.compareTo(other.uri);
    }

    /** The path as given (with its scheme and authority when it has them), unescaped. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (uri.getScheme() != null) {
            s.append(uri.getScheme()).append(':');
        }
        if (uri.getAuthority() != null || "file".equals(uri.getScheme())) {
            s.append("//").append(uri.getAuthority() == null ? "" : uri.getAuthority());
        }
        return s.append(uri.getPath()).toString();
    }
}
