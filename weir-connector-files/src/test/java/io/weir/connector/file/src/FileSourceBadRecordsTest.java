package io.weir.connector.file.src;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SimpleStringSchema;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.lib.CollectingReaderOutput;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.fs.Path;
import io.weir.api.functions.TaskInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.connector.file.src.reader.CsvReaderFormat;
import io.weir.connector.file.src.reader.DeserializingLineFormat;
import io.weir.connector.file.src.reader.StreamFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file source's bad-record policies, on its reader and real files: {@code fail} names the file and
 * the 1-based line even in a split that starts in the middle of the file; {@code skip} reads on and
 * the good records out are the good records in; a reader restored from a checkpoint taken after a
 * skipped line emits exactly the records a failure-free reader emits after it; dead-letter is refused.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileSourceBadRecordsTest {
    @TempDir
    java.nio.file.Path dir;

    /** 600 numbers, one a line, with a bad line after 100, after 256 (a poll's batch) and after 400. */
    private java.nio.file.Path numbers() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 600; n++) {
            lines.add(Integer.toString(n));
            if (n == 100 || n == 256 || n == 400) {
                lines.add("bad" + n);
            }
        }
        return Files.write(dir.resolve("numbers.txt"), lines, StandardCharsets.UTF_8);
    }

    private static List<Long> good() {
        List<Long> good = new ArrayList<>();
        for (long n = 1; n <= 600; n++) {
            good.add(n);
        }
        return good;
    }

    private static FileSourceSplit split(java.nio.file.Path file, String id, long offset, long length) throws IOException {
        return new FileSourceSplit(id, new Path(file.toUri()), offset, length, 0, Files.size(file));
    }

    private static FileSourceReader<Long> reader(BadRecordPolicy policy) {
        return new FileSourceReader<>(new Context(), new DeserializingLineFormat<>(new NumberSchema()), 0, policy);
    }

    /** Polls until the end of input. */
    private static <T> void readAll(FileSourceReader<T> reader, CollectingReaderOutput<T> out) throws Exception {
        reader.notifyNoMoreSplits();
        for (int i = 0; i < 10_000; i++) {
            if (reader.pollNext(out) == InputStatus.END_OF_INPUT) {
                return;
            }
        }
        throw new AssertionError("the reader did not end");
    }

    @Test
    void failNamesFileAndLineAlsoInASplitThatStartsMidFile() throws Exception {
        java.nio.file.Path file = numbers();
        long size = Files.size(file);
        long half = size / 2;
        FileSourceReader<Long> reader = reader(BadRecordPolicy.FAIL);
        reader.addSplits(List.of(split(file, "second-half", half, size - half)));
        IOException e = assertThrows(IOException.class, () -> readAll(reader, new CollectingReaderOutput<>()));
        // the second half's first bad line is "bad400": line 400 + the 3 bad lines up to it
        assertTrue(e.getMessage().contains("cannot read ") && e.getMessage().contains("numbers.txt, line"),
                e.getMessage());
        assertTrue(e.getMessage().contains(", line 403: ") && e.getMessage().contains("'bad400' is not a number")
                && e.getMessage().contains("BadRecordPolicy.SKIP"), e.getMessage());
    }

    @Test
    void skipReadsOnAndTheGoodRecordsOutAreTheGoodRecordsIn() throws Exception {
        java.nio.file.Path file = numbers();
        long size = Files.size(file);
        FileSourceReader<Long> reader = reader(BadRecordPolicy.SKIP);
        reader.addSplits(List.of(split(file, "a", 0, size / 3), split(file, "b", size / 3, size - size / 3)));
        CollectingReaderOutput<Long> out = new CollectingReaderOutput<>();
        readAll(reader, out);
        assertEquals(good(), out.values());
    }

    @Test
    void aRestoreAfterSkippedLinesEmitsExactlyTheRestOfAFailureFreeRun() throws Exception {
        java.nio.file.Path file = numbers();
        FileSourceReader<Long> first = reader(BadRecordPolicy.SKIP);
        first.addSplits(List.of(split(file, "all", 0, Files.size(file))));
        CollectingReaderOutput<Long> beforeFailure = new CollectingReaderOutput<>();
        first.pollNext(beforeFailure); // one batch: 256 records, "bad100" skipped on the way
        assertEquals(good().subList(0, 256), beforeFailure.values());
        List<FileSourceSplit> checkpoint = first.snapshotState(1);
        first.close(); // the failure: everything after the checkpoint is forgotten

        FileSourceReader<Long> restored = reader(BadRecordPolicy.SKIP);
        restored.addSplits(checkpoint);
        CollectingReaderOutput<Long> afterRestore = new CollectingReaderOutput<>();
        readAll(restored, afterRestore);
        List<Long> all = new ArrayList<>(beforeFailure.values());
        all.addAll(afterRestore.values());
        assertEquals(good(), all, "each good record exactly once, as in a run without failure");
    }

    /** A record of two columns, for CSV. */
    public record Pair(String name, int count) {}

    @Test
    void aCsvRowWithAWrongColumnIsSkippedOrFailsWithItsLine() throws Exception {
        java.nio.file.Path file = Files.writeString(dir.resolve("pairs.csv"),
                "name,count\na,1\n\"multi\nline\",2\nb,many\nc,3\n", StandardCharsets.UTF_8);
        StreamFormat<Pair> format = CsvReaderFormat.forPojo(Pair.class).withHeaderSkipped();
        FileSourceReader<Pair> failing = new FileSourceReader<>(new Context(), format, 0, BadRecordPolicy.FAIL);
        failing.addSplits(List.of(split(file, "csv", 0, Files.size(file))));
        IOException e = assertThrows(IOException.class, () -> readAll(failing, new CollectingReaderOutput<>()));
        assertTrue(e.getMessage().contains(", line 5: ") && e.getMessage().contains("column 2 (count) 'many'"),
                e.getMessage());

        FileSourceReader<Pair> skipping = new FileSourceReader<>(new Context(), format, 0, BadRecordPolicy.SKIP);
        skipping.addSplits(List.of(split(file, "csv", 0, Files.size(file))));
        CollectingReaderOutput<Pair> out = new CollectingReaderOutput<>();
        readAll(skipping, out);
        assertEquals(List.of(new Pair("a", 1), new Pair("multi\nline", 2), new Pair("c", 3)), out.values());
    }

    @Test
    void deadLetterIsRefusedWithWhatToUseInstead() {
        FileSource.FileSourceBuilder<String> builder = FileSource.forRecordStreamFormat(
                new DeserializingLineFormat<>(new SimpleStringSchema()), new Path(dir.toUri()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.setBadRecordPolicy(BadRecordPolicy.DEAD_LETTER));
        assertTrue(e.getMessage().contains("BadRecordPolicy.SKIP"), e.getMessage());
    }

    /** Reads a line as a Long. */
    private static final class NumberSchema implements DeserializationSchema<Long> {
        @Override
        public Long deserialize(byte[] message) throws IOException {
            String text = new String(message, StandardCharsets.UTF_8);
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IOException("'" + text + "' is not a number");
            }
        }

        @Override
        public boolean isEndOfStream(Long nextElement) {
            return false;
        }

        @Override
        public TypeInformation<Long> getProducedType() {
            return Types.LONG;
        }
    }

    private static final class Context implements SourceReaderContext {
        @Override
        public TaskInfo getTaskInfo() {
            return null;
        }

        @Override
        public void sendSplitRequest() {}

        @Override
        public int currentParallelism() {
            return 1;
        }
    }
}
