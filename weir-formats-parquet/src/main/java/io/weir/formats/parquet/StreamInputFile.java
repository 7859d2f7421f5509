package io.weir.formats.parquet;

import io.weir.api.fs.FSDataInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over a stream the file source opened (Parquet seeks to its footer first). */
final class StreamInputFile implements InputFile {
    private final FSDataInputStream in;
    private final long length;

    StreamInputFile(FSDataInputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new DelegatingSeekableInputStream(in) {
            @Override
            public long getPos() throws IOException {
                return in.getPos();
            }

            @Override
            public void seek(long newPos) throws IOException {
                in.seek(newPos);
            }
        };
    }
}
