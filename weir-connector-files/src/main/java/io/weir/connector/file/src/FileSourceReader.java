package io.weir.connector.file.src;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.lib.SplitQueue;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.connector.file.src.reader.BadRecordException;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the splits of a {@link FileSource} one after the other with its {@link StreamFormat}, a
 * batch of records per {@link #pollNext} call, each split through its own output (its own
 * watermarks). It asks the enumerator for a split whenever it has none; a continuous source's
 * reader asks again every monitoring interval until new files appear.
 *
 * <p>Position: {@link #snapshotState} gives the split being read with the format's position after
 * the last emitted record (or, for a format that cannot give offsets, the number of records emitted
 * since the last offset it gave), so a restored reader emits exactly the records not emitted yet.
 *
 * <p>Threading: the source task's thread. File reads block that thread (local files, object-store
 * ranges); the availability futures may complete on a timer thread.
 */
final class FileSourceReader<T> implements SourceReader<T, FileSourceSplit> {
    private static final int BATCH = 256;
    private static final System.Logger LOG = System.getLogger(FileSourceReader.class.getName());
    /** Under the skip policy the first bad record is logged, then one in this many. */
    static final long SKIP_LOG_EVERY = 1000;

    private final StreamFormat<T> format;
    private final Configuration config = new Configuration();
    private final SplitQueue<FileSourceSplit> splits;
    private final BadRecordPolicy policy;
    private long skipped;
    /** Line numbers of the current split's file, counted only when a bad record needs one. */
    private LineNumbers lines;

    private FileSourceSplit current;
    private StreamFormat.Reader<T> reader;
    private SourceOutput<T> splitOutput;
    /** The last offset the format gave (or NO_OFFSET) and the records emitted after it. */
    private long offset;
    private long recordsAfterOffset;

    /** @param requestIntervalMillis how often to ask again for a split while none comes, or 0 (bounded) */
    FileSourceReader(SourceReaderContext context, StreamFormat<T> format, long requestIntervalMillis,
            BadRecordPolicy policy) {
        this.format = format;
        this.policy = policy;
        this.splits = new SplitQueue<>(context, Duration.ofMillis(requestIntervalMillis));
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null && !openNextSplit()) {
            return splits.awaitSplit();
        }
        if (splitOutput == null) {
            splitOutput = output.createOutputForSplit(current.splitId());
        }
        for (int i = 0; i < BATCH; i++) {
            T record = read();
            if (record == null) {
                finishSplit(output);
                break;
            }
            splitOutput.collect(record);
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private T read() throws IOException {
        while (true) {
            try {
                T record = reader.read();
                if (record != null) {
                    recordsAfterOffset++;
                }
                return record;
            } catch (BadRecordException e) {
                handleBadRecord(e);
            } catch (IOException e) {
                throw new IOException("FileSource: cannot read " + current.path() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * Fails or skips a record the format could not read (the format has moved past it already, so
     * its checkpointed position is after the bad record either way).
     */
    private void handleBadRecord(BadRecordException e) throws IOException {
        if (policy == BadRecordPolicy.FAIL) {
            throw new IOException("FileSource: cannot read " + current.path() + ", line " + lines.lineAt(e.byteOffset())
                    + ": " + e.getMessage() + "; fix or remove the line, or let the source skip bad records with "
                    + "setBadRecordPolicy(BadRecordPolicy.SKIP) ('scan.bad-record.policy' = 'skip' in SQL)", e);
        }
        skipped++;
        if (skipped == 1 || skipped % SKIP_LOG_EVERY == 0) {
            LOG.log(System.Logger.Level.WARNING, "FileSource: skipped the bad record at " + current.path() + ", line "
                    + lines.lineAt(e.byteOffset()) + ": " + e.getMessage() + " (" + skipped + " skipped by this reader "
                    + "so far; one in " + SKIP_LOG_EVERY + " is logged)");
        }
    }

    private boolean openNextSplit() throws IOException {
        FileSourceSplit split = splits.poll();
        if (split == null) {
            return false;
        }
        current = split;
        lines = new LineNumbers(split.path());
        FSDataInputStream in;
        try {
            in = FileSystem.get(split.path().toUri()).open(split.path());
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("FileSource: the file " + split.path() + " was found but is gone now; "
                    + "files must stay until the source has read them (" + split + ")");
        }
        long splitEnd = split.offset() + split.length();
        StreamFormat<T> fileFormat = format.forFile(split.path());
        CheckpointedPosition position = split.getReaderPosition();
        if (position != null && position.offset() != CheckpointedPosition.NO_OFFSET) {
            in.seek(position.offset());
            reader = fileFormat.restoreReader(config, in, position.offset(), split.fileSize(), splitEnd);
            offset = position.offset();
        } else {
            in.seek(split.offset());
            reader = fileFormat.createReader(config, in, split.fileSize(), splitEnd);
            offset = CheckpointedPosition.NO_OFFSET;
        }
        recordsAfterOffset = 0;
        long skip = position == null ? 0 : position.recordsAfterOffset();
        for (long i = 0; i < skip; i++) {
            if (read() == null) {
                break;
            }
        }
        return true;
    }

    private void finishSplit(ReaderOutput<T> output) throws IOException {
        reader.close();
        output.releaseOutputForSplit(current.splitId());
        reader = null;
        splitOutput = null;
        current = null;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return splits.isAvailable();
    }

    @Override
    public void addSplits(List<FileSourceSplit> newSplits) {
        splits.add(newSplits);
    }

    @Override
    public void notifyNoMoreSplits() {
        splits.noMoreSplits();
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
        return splits.snapshot(current == null ? null : current.updateWithCheckpointedPosition(position()));
    }

    private CheckpointedPosition position() {
        CheckpointedPosition fromFormat = reader.getCheckpointedPosition();
        if (fromFormat != null) {
            offset = fromFormat.offset();
            recordsAfterOffset = fromFormat.recordsAfterOffset();
            return fromFormat;
        }
        return new CheckpointedPosition(offset, recordsAfterOffset);
    }

    @Override
    public void close() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    /**
     * The 1-based line number at a byte offset of a file, found by counting the line breaks before it.
     * Offsets asked for only grow while a split is read, so the count goes on from the last answer:
     * the file is read at most once more, and only when there are bad records.
     */
    private static final class LineNumbers {
        private final Path file;
        private long countedTo;
        private long breaks;

        LineNumbers(Path file) {
            this.file = file;
        }

        long lineAt(long byteOffset) throws IOException {
            if (byteOffset < countedTo) {
                countedTo = 0;
                breaks = 0;
            }
            byte[] buffer = new byte[64 * 1024];
            try (FSDataInputStream in = FileSystem.get(file.toUri()).open(file)) {
                in.seek(countedTo);
                while (countedTo < byteOffset) {
                    int n = in.read(buffer, 0, (int) Math.min(buffer.length, byteOffset - countedTo));
                    if (n <= 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            breaks++;
                        }
                    }
                    countedTo += n;
                }
            }
            return breaks + 1;
        }
    }
}
