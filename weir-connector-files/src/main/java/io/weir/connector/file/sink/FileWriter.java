package io.weir.connector.file.sink;

import io.weir.api.connector.sink.CommittingSinkWriter;
import java.io.IOException;
import java.io.OutputStream;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.fs.RecoverableWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Writes one subtask's elements into part files, one open file per bucket. Files are closed when the
 * rolling policy says so and at every checkpoint; closed files are handed over as committables at
 * the next checkpoint and become visible when it completes.
 *
 * <p>Part files are named {@code <prefix>-<uid>-<subtask>-<counter><suffix>}, where {@code uid} is new
 * for every writer, so the files of a restarted job never collide with those of an earlier attempt.
 *
 * <p>Threading: used by the sink task's thread only.
 */
final class FileWriter<IN, BucketID> implements CommittingSinkWriter<IN, FileSinkCommittable> {
    private final Path basePath;
    private final RecoverableWriter fileWriter;
    private final PartFormat<IN> format;
    private final BucketAssigner<IN, BucketID> bucketAssigner;
    private final RollingPolicy<IN, BucketID> rollingPolicy;
    private final OutputFileConfig fileConfig;
    private final int subtask;
    private final LongSupplier clock;
    private final String uid = UUID.randomUUID().toString();
    private final Map<BucketID, PartFile<BucketID>> open = new HashMap<>();
    private final List<FileSinkCommittable> closed = new ArrayList<>();
    private final CountingStream counting = new CountingStream();
    private final AssignerContext assignerContext = new AssignerContext();
    private long partCounter;

    FileWriter(Path basePath, PartFormat<IN> format, BucketAssigner<IN, BucketID> bucketAssigner,
            RollingPolicy<IN, BucketID> rollingPolicy, OutputFileConfig fileConfig, int subtask, LongSupplier clock)
            throws IOException {
        this.basePath = basePath;
        this.fileWriter = FileSystem.get(basePath.toUri()).createRecoverableWriter();
        this.format = format;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.fileConfig = fileConfig;
        this.subtask = subtask;
        this.clock = clock;
    }

    @Override
    public void write(IN element, Context context) throws IOException {
        long now = clock.getAsLong();
        assignerContext.now = now;
        assignerContext.writerContext = context;
        BucketID bucket = bucketAssigner.getBucketId(element, assignerContext);
        PartFile<BucketID> part = open.get(bucket);
        if (part != null && (rollingPolicy.shouldRollOnEvent(part, element)
                || rollingPolicy.shouldRollOnProcessingTime(part, now))) {
            closed.add(part.close());
            part = null;
        }
        if (part == null) {
            part = new PartFile<>(bucket, new Path(bucketDir(bucket), partName()), fileWriter, format, now);
            open.put(bucket, part);
        }
        if (format.isBulk()) {
            part.add(element, now);
        } else {
            counting.target = part.stream();
            counting.count = 0;
            format.encoder().encode(element, counting);
            part.wrote(counting.count, now);
        }
    }

    private Path bucketDir(BucketID bucket) {
        String relative = bucket.toString();
        return relative.isEmpty() ? basePath : new Path(basePath, relative);
    }

    private String partName() {
        return fileConfig.getPartPrefix() + "-" + uid + "-" + subtask + "-" + (partCounter++) + fileConfig.getPartSuffix();
    }

    @Override
    public void flush(boolean endOfInput) throws IOException {
        for (PartFile<BucketID> part : open.values()) {
            part.flush();
        }
    }

    /** Closes every open part file (row formats roll at every checkpoint) and hands over all closed ones. */
    @Override
    public Collection<FileSinkCommittable> prepareCommit() throws IOException {
        for (PartFile<BucketID> part : open.values()) {
            closed.add(part.close());
        }
        open.clear();
        List<FileSinkCommittable> committables = new ArrayList<>(closed);
        closed.clear();
        return committables;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (PartFile<BucketID> part : open.values()) {
            try {
                part.abandon();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        open.clear();
        if (first != null) {
            throw first;
        }
    }

    /** Counts the bytes the encoder writes, without copying them. */
    private static final class CountingStream extends OutputStream {
        private OutputStream target;
        private long count;

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }
    }

    private static final class AssignerContext implements BucketAssigner.Context {
        private long now;
        private Context writerContext;

        @Override
        public long currentProcessingTime() {
            return now;
        }

        @Override
        public long currentWatermark() {
            return writerContext.currentWatermark();
        }

        @Override
        public Long timestamp() {
            return writerContext.timestamp();
        }
    }
}
