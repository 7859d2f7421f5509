package io.weir.connector.file.sink;

import io.weir.api.common.serialization.BulkWriter;
import io.weir.api.common.serialization.Encoder;
import io.weir.api.connector.sink.Committer;
import io.weir.api.connector.sink.CommitterInitContext;
import io.weir.api.connector.sink.CommittingSinkWriter;
import io.weir.api.connector.sink.Sink;
import io.weir.api.connector.sink.SupportsCommitter;
import io.weir.api.connector.sink.WriterInitContext;
import io.weir.api.connector.source.SimpleVersionedSerializer;
import io.weir.connector.file.sink.bucketassigners.DateTimeBucketAssigner;
import io.weir.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.weir.connector.file.sink.rollingpolicies.OnCheckpointRollingPolicy;
import io.weir.api.fs.Path;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;

/**
 * Writes a stream into part files under a base directory, one subdirectory per bucket, exactly once
 * when checkpointing is on: part files are written hidden and renamed to their final name when the
 * checkpoint that closed them completes, so a reader of the directory sees each element once, even
 * across failures and restarts. Without checkpointing, part files become visible when the input ends.
 *
 * <pre>{@code
 * FileSink<String> sink = FileSink.forRowFormat(Path.of("/data/out"), new SimpleStringEncoder<String>())
 *         .withRollingPolicy(DefaultRollingPolicy.builder().withMaxPartSize(64 << 20).build())
 *         .build();
 * stream.sinkTo(sink);
 * }</pre>
 */
public final class FileSink<IN> implements Sink<IN>, SupportsCommitter<FileSinkCommittable> {
    private static final long serialVersionUID = 1L;

    private final String basePath;
    private final PartFormat<IN> format;
    private final BucketAssigner<IN, ?> bucketAssigner;
    private final RollingPolicy<IN, ?> rollingPolicy;
    private final OutputFileConfig fileConfig;

    private FileSink(Path basePath, PartFormat<IN> format, BucketAssigner<IN, ?> bucketAssigner,
            RollingPolicy<IN, ?> rollingPolicy, OutputFileConfig fileConfig) {
        this.basePath = basePath.toUri().toString();
        this.format = format;
        this.bucketAssigner = bucketAssigner;
        this.rollingPolicy = rollingPolicy;
        this.fileConfig = fileConfig;
    }

    /**
     * A sink that writes each element with {@code encoder}, one after the other, into part files under
     * {@code basePath} on its file system ({@code /data/out}, {@code file:///data/out}, {@code s3://bucket/out}).
     */
    public static <IN> RowFormatBuilder<IN, String> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(absolute(basePath), encoder, new DateTimeBucketAssigner<>());
    }

    /** {@link #forRowFormat(Path, Encoder)} for a local directory. */
    public static <IN> RowFormatBuilder<IN, String> forRowFormat(java.nio.file.Path basePath, Encoder<IN> encoder) {
        return forRowFormat(Path.fromLocalFile(basePath.toFile()), encoder);
    }

    /**
     * A sink that writes its elements into part files of a bulk format (Parquet, Avro) made by
     * {@code factory}: each part file is written as a whole and closed at every checkpoint.
     */
    public static <IN> BulkFormatBuilder<IN, String> forBulkFormat(Path basePath, BulkWriter.Factory<IN> factory) {
        return new BulkFormatBuilder<>(absolute(basePath), factory, new DateTimeBucketAssigner<>());
    }

    /** A local path without a scheme is made absolute here, where the job is built. */
    private static Path absolute(Path path) {
        URI uri = path.toUri();
        return uri.getScheme() == null && !path.isAbsolute() ? Path.fromLocalFile(new java.io.File(uri.getPath())) : path;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CommittingSinkWriter<IN, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
        return new FileWriter<>(new Path(URI.create(basePath)), format, (BucketAssigner) bucketAssigner,
                (RollingPolicy) rollingPolicy, fileConfig, context.getTaskInfo().getIndexOfThisSubtask(),
                System::currentTimeMillis);
    }

    @Override
    public Committer<FileSinkCommittable> createCommitter(CommitterInitContext context) {
        return new FileCommitter();
    }

    @Override
    public SimpleVersionedSerializer<FileSinkCommittable> getCommittableSerializer() {
        return new FileSinkCommittable.Serializer();
    }

    /** Configures a row-format file sink. */
    public static final class RowFormatBuilder<IN, BucketID> {
        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, BucketID> bucketAssigner;
        private RollingPolicy<IN, BucketID> rollingPolicy = DefaultRollingPolicy.builder().build();
        private OutputFileConfig fileConfig = OutputFileConfig.builder().build();

        RowFormatBuilder(Path basePath, Encoder<IN> encoder, BucketAssigner<IN, BucketID> bucketAssigner) {
            this.basePath = Objects.requireNonNull(basePath, "base path");
            this.encoder = Objects.requireNonNull(encoder, "encoder");
            this.bucketAssigner = bucketAssigner;
        }

        @SuppressWarnings("unchecked")
        public <ID> RowFormatBuilder<IN, ID> withBucketAssigner(BucketAssigner<IN, ID> assigner) {
            RowFormatBuilder<IN, ID> self = (RowFormatBuilder<IN, ID>) this;
            self.bucketAssigner = Objects.requireNonNull(assigner, "bucket assigner");
            return self;
        }

        public RowFormatBuilder<IN, BucketID> withRollingPolicy(RollingPolicy<IN, BucketID> policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "rolling policy");
            return this;
        }

        public RowFormatBuilder<IN, BucketID> withOutputFileConfig(OutputFileConfig config) {
            this.fileConfig = Objects.requireNonNull(config, "output file config");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(basePath, PartFormat.rows(encoder), bucketAssigner, rollingPolicy, fileConfig);
        }
    }

    /** Configures a bulk-format file sink; its part files roll at every checkpoint. */
    public static final class BulkFormatBuilder<IN, BucketID> {
        private final Path basePath;
        private final BulkWriter.Factory<IN> factory;
        private BucketAssigner<IN, BucketID> bucketAssigner;
        private OutputFileConfig fileConfig = OutputFileConfig.builder().build();

        BulkFormatBuilder(Path basePath, BulkWriter.Factory<IN> factory, BucketAssigner<IN, BucketID> bucketAssigner) {
            this.basePath = Objects.requireNonNull(basePath, "base path");
            this.factory = Objects.requireNonNull(factory, "bulk writer factory");
            this.bucketAssigner = bucketAssigner;
        }

        @SuppressWarnings("unchecked")
        public <ID> BulkFormatBuilder<IN, ID> withBucketAssigner(BucketAssigner<IN, ID> assigner) {
            BulkFormatBuilder<IN, ID> self = (BulkFormatBuilder<IN, ID>) this;
            self.bucketAssigner = Objects.requireNonNull(assigner, "bucket assigner");
            return self;
        }

        public BulkFormatBuilder<IN, BucketID> withOutputFileConfig(OutputFileConfig config) {
            this.fileConfig = Objects.requireNonNull(config, "output file config");
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(basePath, PartFormat.bulk(factory), bucketAssigner, OnCheckpointRollingPolicy.build(),
                    fileConfig);
        }
    }
}
