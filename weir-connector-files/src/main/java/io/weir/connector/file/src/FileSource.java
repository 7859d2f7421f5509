package io.weir.connector.file.src;

import io.weir.api.connector.source.BadRecordPolicy;
import io.weir.api.connector.source.Boundedness;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.api.connector.source.Source;
import io.weir.api.connector.source.SourceReader;
import io.weir.api.connector.source.SourceReaderContext;
import io.weir.api.connector.source.SplitEnumerator;
import io.weir.api.connector.source.SplitEnumeratorContext;
import io.weir.api.fs.Path;
import io.weir.api.types.ResultTypeQueryable;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads the files under one or more paths (files or directories, searched recursively; hidden
 * names starting with {@code .} or {@code _} are skipped) on any {@link io.weir.api.fs.FileSystem}:
 * local paths, {@code file://}, {@code s3://} with weir-filesystem-s3. Each file is a split; files
 * of a splittable format are cut into blocks read in parallel.
 *
 * <p>Bounded by default (the files present at start). With {@link FileSourceBuilder#monitorContinuously}
 * the source is unbounded and picks up new files as they appear; files once read are never read
 * again, even if they change.
 *
 * <p>Exactly-once: each reader's position (file and offset, or records read) and the enumerator's
 * remaining splits and known files are in checkpoints, so a restored job continues after the last
 * record it had emitted.
 *
 * <pre>{@code
 * FileSource<String> source = FileSource.forRecordStreamFormat(new TextLineInputFormat(), new Path("/data/in"))
 *         .monitorContinuously(Duration.ofSeconds(10))
 *         .build();
 * env.fromSource(source, WatermarkStrategy.noWatermarks(), "files");
 * }</pre>
 */
public final class FileSource<T> implements Source<T, FileSourceSplit, PendingSplitsCheckpoint>, ResultTypeQueryable<T> {
    private static final long serialVersionUID = 1L;

    /** Files of splittable formats are cut into blocks of this many bytes unless set otherwise. */
    public static final long DEFAULT_SPLIT_SIZE = 32L << 20;

    private final Path[] paths;
    private final StreamFormat<T> format;
    private final long monitorIntervalMillis;
    private final long splitSize;
    private final BadRecordPolicy badRecordPolicy;

    private FileSource(FileSourceBuilder<T> builder) {
        this.badRecordPolicy = builder.badRecordPolicy;
        this.paths = builder.paths.clone();
        this.format = builder.format;
        this.monitorIntervalMillis = builder.monitorInterval == null ? 0 : Math.max(1, builder.monitorInterval.toMillis());
        this.splitSize = format.isSplittable() ? builder.splitSize : Long.MAX_VALUE;
    }

    /** A source that reads the files under {@code paths} record by record with {@code format}. */
    public static <T> FileSourceBuilder<T> forRecordStreamFormat(StreamFormat<T> format, Path... paths) {
        return new FileSourceBuilder<>(format, paths);
    }

    @Override
    public Boundedness getBoundedness() {
        return monitorIntervalMillis > 0 ? Boundedness.CONTINUOUS_UNBOUNDED : Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> createEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context) {
        return enumerator(context, null);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint> restoreEnumerator(
            SplitEnumeratorContext<FileSourceSplit> context, PendingSplitsCheckpoint checkpoint) {
        return enumerator(context, checkpoint);
    }

    private FileSourceEnumerator enumerator(SplitEnumeratorContext<FileSourceSplit> context,
            PendingSplitsCheckpoint checkpoint) {
        return new FileSourceEnumerator(context, new FileDiscovery(paths, splitSize),
                monitorIntervalMillis * 1_000_000L, System::nanoTime, checkpoint);
    }

    @Override
    public SourceReader<T, FileSourceSplit> createReader(SourceReaderContext readerContext) {
        return new FileSourceReader<>(readerContext, format, monitorIntervalMillis, badRecordPolicy);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return FileSourceSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint> getEnumeratorCheckpointSerializer() {
        return new PendingSplitsCheckpoint.Serializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return format.getProducedType();
    }

    /** Configures a {@link FileSource}. */
    public static final class FileSourceBuilder<T> {
        private final StreamFormat<T> format;
        private final Path[] paths;
        private Duration monitorInterval;
        private long splitSize = DEFAULT_SPLIT_SIZE;
        private BadRecordPolicy badRecordPolicy = BadRecordPolicy.FAIL;

        FileSourceBuilder(StreamFormat<T> format, Path[] paths) {
            this.format = Objects.requireNonNull(format, "format");
            if (paths == null || paths.length == 0) {
                throw new IllegalArgumentException("FileSource needs at least one path to read");
            }
            for (Path path : paths) {
                Objects.requireNonNull(path, "path");
            }
            this.paths = paths.clone();
        }

        /** Unbounded: looks for new files every {@code interval} and reads each new one once. */
        public FileSourceBuilder<T> monitorContinuously(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("The monitoring interval must be positive, was " + interval);
            }
            this.monitorInterval = interval;
            return this;
        }

        /** Bounded (the default): reads the files present when the job starts, then ends. */
        public FileSourceBuilder<T> processStaticFileSet() {
            this.monitorInterval = null;
            return this;
        }

        /**
         * The most bytes of a file one split covers, for splittable formats (default 32 MiB): smaller
         * splits spread a large file over more readers.
         */
        public FileSourceBuilder<T> setSplitSize(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("The split size must be positive, was " + bytes);
            }
            this.splitSize = bytes;
            return this;
        }

        /**
         * What to do with a record the format cannot read (a line that is not JSON, a CSV row with a
         * wrong column): {@link BadRecordPolicy#FAIL} (the default) fails the job naming the file, the
         * 1-based line and the problem; {@link BadRecordPolicy#SKIP} logs the file and line (the first
         * bad record, then one in 1000, with the count) and reads on. {@code DEAD_LETTER} is not offered:
         * a source has no second output to hand the line to, and the bad line stays in its file anyway,
         * where the logged file and line point at it.
         */
        public FileSourceBuilder<T> setBadRecordPolicy(BadRecordPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            if (policy == BadRecordPolicy.DEAD_LETTER) {
                throw new IllegalArgumentException("FileSource has no dead-letter destination: a bad line stays in its "
                        + "file; use BadRecordPolicy.SKIP (which logs file and line) or FAIL");
            }
            this.badRecordPolicy = policy;
            return this;
        }

        public FileSource<T> build() {
            return new FileSource<>(this);
        }
    }
}
