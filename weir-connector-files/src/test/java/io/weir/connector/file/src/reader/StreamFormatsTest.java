package io.weir.connector.file.src.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The line and CSV formats: every way of cutting a file into splits reads each line exactly once,
 * and a reader restored from any position it reported continues with exactly the records after it.
 */
class StreamFormatsTest {
    private static final Configuration CONFIG = new Configuration();

    @TempDir
    java.nio.file.Path dir;

    private Path write(String name, String content) throws IOException {
        java.nio.file.Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return Path.fromLocalFile(file.toFile());
    }

    private static <T> List<T> readSplit(StreamFormat<T> format, Path file, long offset, long end) throws IOException {
        FSDataInputStream in = FileSystem.getLocalFileSystem().open(file);
        long len = FileSystem.getLocalFileSystem().getFileStatus(file).getLen();
        in.seek(offset);
        List<T> records = new ArrayList<>();
        try (StreamFormat.Reader<T> reader = format.createReader(CONFIG, in, len, end)) {
            for (T r = reader.read(); r != null; r = reader.read()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void everySplitSizeReadsEveryLineOnce() throws IOException {
        String content = "alpha\r\n\nbeta gamma\nδέλτα\n\nlast line without break";
        Path file = write("lines.txt", content);
        List<String> expected = List.of("alpha", "", "beta gamma", "δέλτα", "", "last line without break");
        long len = content.getBytes(StandardCharsets.UTF_8).length;
        TextLineInputFormat format = new TextLineInputFormat();
        for (long size = 1; size <= len + 1; size++) {
            List<String> all = new ArrayList<>();
            for (long offset = 0; offset < len; offset += size) {
                all.addAll(readSplit(format, file, offset, Math.min(len, offset + size)));
            }
            assertEquals(expected, all, "split size " + size);
        }
    }

    @Test
    void aRestoredLineReaderContinuesAfterTheLastRecordItReturned() throws IOException {
        Path file = write("lines.txt", "a\nbb\nccc\ndddd\n");
        long len = 14;
        TextLineInputFormat format = new TextLineInputFormat();
        for (int taken = 0; taken <= 4; taken++) {
            FSDataInputStream in = FileSystem.getLocalFileSystem().open(file);
            CheckpointedPosition position;
            try (StreamFormat.Reader<String> reader = format.createReader(CONFIG, in, len, len)) {
                for (int i = 0; i < taken; i++) {
                    reader.read();
                }
                position = reader.getCheckpointedPosition();
            }
            assertEquals(0, position.recordsAfterOffset());
            FSDataInputStream again = FileSystem.getLocalFileSystem().open(file);
            again.seek(position.offset());
            List<String> rest = new ArrayList<>();
            try (StreamFormat.Reader<String> reader = format.restoreReader(CONFIG, again, position.offset(), len, len)) {
                for (String r = reader.read(); r != null; r = reader.read()) {
                    rest.add(r);
                }
            }
            assertEquals(List.of("a", "bb", "ccc", "dddd").subList(taken, 4), rest, "after " + taken);
        }
    }

    @Test
    void charsetsWithoutASingleByteNewlineAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextLineInputFormat("UTF-16"));
        assertTrue(e.getMessage().contains("UTF-16"), e.getMessage());
    }

    @Test
    void deserializingLineFormatSkipsEmptyLinesAndNamesTheOffsetOfABadLine() throws IOException {
        Path file = write("messages.txt", "one\n\ntwo\n");
        assertEquals(List.of("one", "two"), readSplit(new DeserializingLineFormat<>(new SimpleStringSchema()), file, 0, 9));

        Path bad = write("numbers.txt", "1\n2\nthree\n");
        IOException e = assertThrows(IOException.class,
                () -> readSplit(new DeserializingLineFormat<>(new NumberSchema()), bad, 0, 10));
        assertTrue(e.getMessage().contains("starting at byte 4"), e.getMessage());
    }

    /** Reads a line as a Long. */
    private static final class NumberSchema implements io.weir.api.common.serialization.DeserializationSchema<Long> {
        @Override
        public boolean isEndOfStream(Long next) {
            return false;
        }

        @Override
        public io.weir.api.types.TypeInformation<Long> getProducedType() {
            return io.weir.api.types.Types.LONG;
        }

        @Override
        public Long deserialize(byte[] message) throws IOException {
            try {
                return Long.valueOf(new String(message, StandardCharsets.UTF_8));
            } catch (NumberFormatException e) {
                throw new IOException("not a number: " + new String(message, StandardCharsets.UTF_8));
            }
        }
    }

    record Trade(String symbol, long quantity, BigDecimal price, LocalDate day, Integer note) {}

    @Test
    void csvRowsBecomeRecordsWithQuotedSeparatorsAndLineBreaks() throws IOException {
        Path file = write("trades.csv", "symbol,quantity,price,day,note\n"
                + "ACME,10,1.50,2026-12-03,\n"
                + "\"Big, \"\"Quoted\"\"\nName\",2,0.01,2026-12-04,7\n");
        CsvReaderFormat<Trade> format = CsvReaderFormat.forPojo(Trade.class).withHeaderSkipped();
        List<Trade> trades = readSplit(format, file, 0, Long.MAX_VALUE);
        assertEquals(List.of(new Trade("ACME", 10, new BigDecimal("1.50"), LocalDate.of(2026, 12, 3), null),
                new Trade("Big, \"Quoted\"\nName", 2, new BigDecimal("0.01"), LocalDate.of(2026, 12, 4), 7)), trades);
    }

    @Test
    void aBadCsvFieldNamesRowColumnAndType() throws IOException {
        Path file = write("trades.csv", "ACME,10,1.50,2026-12-03,\nX,many,1,2026-12-03,\n");
        IOException e = assertThrows(IOException.class,
                () -> readSplit(CsvReaderFormat.forPojo(Trade.class), file, 0, Long.MAX_VALUE));
        assertTrue(e.getMessage().contains("byte 25") && e.getMessage().contains("column 2 (quantity) 'many'"),
                e.getMessage());
        Path open = write("open.csv", "\"never closed,1,1,2026-12-03,\n");
        IOException unclosed = assertThrows(IOException.class,
                () -> readSplit(CsvReaderFormat.forPojo(Trade.class), open, 0, Long.MAX_VALUE));
        assertTrue(unclosed.getMessage().contains("never closes"), unclosed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CsvReaderFormat.forPojo(String.class));
    }

    @Test
    void anEmptyFileHasNoRecords() throws IOException {
        Path file = write("empty.txt", "");
        assertEquals(List.of(), readSplit(new TextLineInputFormat(), file, 0, 0));
        FSDataInputStream in = FileSystem.getLocalFileSystem().open(file);
        try (StreamFormat.Reader<String> reader = new TextLineInputFormat().createReader(CONFIG, in, 0, 0)) {
            assertNull(reader.read());
        }
    }
}
