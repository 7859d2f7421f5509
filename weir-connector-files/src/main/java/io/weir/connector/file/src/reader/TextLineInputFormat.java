package io.weir.connector.file.src.reader;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a text file line by line, each line a {@code String} without its line break ({@code \n} or
 * {@code \r\n}). Splittable: a large file is read by several readers, each from a byte range.
 *
 * <pre>{@code
 * FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/data/in")).build();
 * }</pre>
 */
public final class TextLineInputFormat implements StreamFormat<String> {
    private static final long serialVersionUID = 1L;

    private final String charsetName;

    /** UTF-8 text. */
    public TextLineInputFormat() {
        this(StandardCharsets.UTF_8.name());
    }

    /**
     * Text in {@code charsetName}, which must write {@code '\n'} as the single byte 10 (UTF-8,
     * ISO-8859-1, US-ASCII, windows-1252, ...; not UTF-16).
     */
    public TextLineInputFormat(String charsetName) {
        Charset charset = Charset.forName(charsetName);
        if (!Arrays.equals("\n".getBytes(charset), new byte[] {'\n'})) {
            throw new IllegalArgumentException("TextLineInputFormat cannot read " + charsetName + ": lines are cut at "
                    + "the byte '\\n', which this charset does not use; convert the files to UTF-8");
        }
        this.charsetName = charset.name();
    }

    @Override
    public Reader<String> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return new LineStringReader(new LineReader(stream, stream.getPos(), splitEnd, false), Charset.forName(charsetName));
    }

    @Override
    public Reader<String> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) throws IOException {
        return new LineStringReader(new LineReader(stream, restoredOffset, splitEnd, true), Charset.forName(charsetName));
    }

    @Override
    public boolean isSplittable() {
        return true;
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }

    private record LineStringReader(LineReader lines, Charset charset) implements Reader<String> {
        @Override
        public String read() throws IOException {
            return lines.next() ? new String(lines.bytes(), 0, lines.length(), charset) : null;
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return new CheckpointedPosition(lines.nextLineStart(), 0);
        }

        @Override
        public void close() throws IOException {
            lines.close();
        }
    }
}
