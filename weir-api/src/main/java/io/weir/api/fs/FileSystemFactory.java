package io.weir.api.fs;

import io.weir.api.configuration.Configuration;
import java.io.IOException;
import java.net.URI;

/**
 * Makes the {@link FileSystem} of one URI scheme. Found with {@link java.util.ServiceLoader}: a module
 * that adds a file system lists its factory in
 * {@code META-INF/services/io.weir.api.fs.FileSystemFactory}.
 */
public interface FileSystemFactory {

    /** The scheme served, e.g. {@code s3}. */
    String getScheme();

    /**
     * The file system for {@code fsUri} (scheme and authority, e.g. {@code s3://bucket}).
     *
     * @param config the process's configuration (options such as {@code s3.endpoint})
     */
    FileSystem create(URI fsUri, Configuration config) throws IOException;
}
