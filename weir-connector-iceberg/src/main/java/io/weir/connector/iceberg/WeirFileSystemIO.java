package io.weir.connector.iceberg;

import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FSDataOutputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.io.PositionOutputStream;
import org.apache.iceberg.io.SeekableInputStream;

/**
 * An Iceberg {@link FileIO} on Weir's own file systems ({@link FileSystem#get}): a table's data
 * and metadata files go wherever Weir can write, {@code s3://} through {@code weir-filesystem-s3}
 * configured with Weir's {@code s3.*} options, so an S3 warehouse needs neither Hadoop's
 * {@code s3a} nor Iceberg's {@code iceberg-aws}. {@link CatalogLoader#jdbc} uses it for a
 * warehouse that is not {@code file:}; set it yourself with the catalog property
 * {@code io-impl = io.weir.connector.iceberg.WeirFileSystemIO}.
 *
 * <p>Holds no state: the file systems are Weir's cached ones. Thread-safe.
 */
public final class WeirFileSystemIO implements FileIO {
    private static final long serialVersionUID = 1L;

    /** As Iceberg loads it ({@code io-impl}). */
    public WeirFileSystemIO() {}

    @Override
    public InputFile newInputFile(String location) {
        return new WeirInputFile(location, -1);
    }

    @Override
    public InputFile newInputFile(String location, long length) {
        return new WeirInputFile(location, length);
    }

    @Override
    public OutputFile newOutputFile(String location) {
        return new WeirOutputFile(location);
    }

    @Override
    public void deleteFile(String location) {
        try {
            fileSystem(location).delete(new Path(location), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Deleting " + location + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void initialize(Map<String, String> properties) {
        // the file systems take their settings from Weir's configuration, not from the catalog's properties
    }

    private static FileSystem fileSystem(String location) throws IOException {
        return FileSystem.get(URI.create(location));
    }

    private record WeirInputFile(String location, long knownLength) implements InputFile {
        @Override
        public long getLength() {
            if (knownLength >= 0) {
                return knownLength;
            }
            try {
                return fileSystem(location).getFileStatus(new Path(location)).getLen();
            } catch (FileNotFoundException e) {
                throw new NotFoundException(e, "Iceberg file %s does not exist", location);
            } catch (IOException e) {
                throw new UncheckedIOException("Reading the length of " + location + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public SeekableInputStream newStream() {
            try {
                return new SeekableStream(fileSystem(location).open(new Path(location)));
            } catch (FileNotFoundException e) {
                throw new NotFoundException(e, "Iceberg file %s does not exist", location);
            } catch (IOException e) {
                throw new UncheckedIOException("Opening " + location + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean exists() {
            try {
                return fileSystem(location).exists(new Path(location));
            } catch (IOException e) {
                throw new UncheckedIOException("Looking for " + location + " failed: " + e.getMessage(), e);
            }
        }
    }

    private record WeirOutputFile(String location) implements OutputFile {
        @Override
        public PositionOutputStream create() {
            if (toInputFile().exists()) {
                throw new AlreadyExistsException("Iceberg file %s exists already", location);
            }
            return open(FileSystem.WriteMode.NO_OVERWRITE);
        }

        @Override
        public PositionOutputStream createOrOverwrite() {
            return open(FileSystem.WriteMode.OVERWRITE);
        }

        private PositionOutputStream open(FileSystem.WriteMode mode) {
            try {
                return new PositionStream(fileSystem(location).create(new Path(location), mode));
            } catch (IOException e) {
                throw new UncheckedIOException("Creating " + location + " failed: " + e.getMessage(), e);
            }
        }

        @Override
        public InputFile toInputFile() {
            return new WeirInputFile(location, -1);
        }
    }

    private static final class SeekableStream extends SeekableInputStream {
        private final FSDataInputStream in;

        SeekableStream(FSDataInputStream in) {
            this.in = in;
        }

        @Override
        public long getPos() throws IOException {
            return in.getPos();
        }

        @Override
        public void seek(long position) throws IOException {
            in.seek(position);
        }

        @Override
        public int read() throws IOException {
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in.read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    private static final class PositionStream extends PositionOutputStream {
        private final FSDataOutputStream out;

        PositionStream(FSDataOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos();
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
