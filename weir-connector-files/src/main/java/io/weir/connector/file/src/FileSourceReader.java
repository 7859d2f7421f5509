package io.weir.connector.file.src;

import io.weir.api.configuration.Configuration;
import io.weir.api.connector.source.InputStatus;
import io.weir.api.connector.source.ReaderOutput;
import io.weir.api.connector.source.SourceOutput;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FileSystem;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.src.util.CheckpointedPosition;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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

    private final SourceReaderContext context;
    private final StreamFormat<T> format;
    private final long requestIntervalMillis;
    private final Configuration config = new Configuration();
    private final ArrayDeque<FileSourceSplit> splits = new ArrayDeque<>();
    private CompletableFuture<Void> available = CompletableFuture.completedFuture(null);
    private boolean requested;
    private boolean noMoreSplits;
    private long requestedAtNanos;

    private FileSourceSplit current;
    private StreamFormat.Reader<T> reader;
    private SourceOutput<T> splitOutput;
    /** The last offset the format gave (or NO_OFFSET) and the records emitted after it. */
    private long offset;
    private long recordsAfterOffset;

    /** @param requestIntervalMillis how often to ask again for a split while none comes, or 0 (bounded) */
    FileSourceReader(SourceReaderContext context, StreamFormat<T> format, long requestIntervalMillis) {
        this.context = context;
        this.format = format;
        this.requestIntervalMillis = requestIntervalMillis;
    }

    @Override
    public void start() {}

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        if (current == null && !openNextSplit()) {
            if (noMoreSplits) {
                return InputStatus.END_OF_INPUT;
            }
            if (!requested || (requestIntervalMillis > 0 && System.nanoTime() - requestedAtNanos >= requestIntervalNanos())) {
                requestSplit();
            }
            return InputStatus.NOTHING_AVAILABLE;
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
        try {
            T record = reader.read();
            if (record != null) {
                recordsAfterOffset++;
            }
            return record;
        } catch (IOException e) {
            throw new IOException("FileSource: cannot read " + current.path() + ": " + e.getMessage(), e);
        }
    }

    /** Asks the enumerator; a continuous source's reader asks again after the interval if nothing came. */
    private void requestSplit() {
        requested = true;
        requestedAtNanos = System.nanoTime();
        available = new CompletableFuture<>();
        context.sendSplitRequest();
        if (requestIntervalMillis > 0) {
            CompletableFuture<Void> toComplete = available;
            CompletableFuture.delayedExecutor(requestIntervalMillis, TimeUnit.MILLISECONDS)
                    .execute(() -> toComplete.complete(null));
        }
    }

    private long requestIntervalNanos() {
        return TimeUnit.MILLISECONDS.toNanos(requestIntervalMillis);
    }

    private boolean openNextSplit() throws IOException {
        FileSourceSplit split = splits.poll();
        if (split == null) {
            return false;
        }
        current = split;
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
        return available;
    }

    @Override
    public void addSplits(List<FileSourceSplit> newSplits) {
        splits.addAll(newSplits);
        requested = false;
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public List<FileSourceSplit> snapshotState(long checkpointId) {
        List<FileSourceSplit> state = new ArrayList<>(splits.size() + 1);
        if (current != null) {
            state.add(current.updateWithCheckpointedPosition(position()));
        }
        state.addAll(splits);
        return state;
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
}
