package io.weir.connector.file.sink;

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
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, ?> bucketAssigner;
    private final RollingPolicy<IN, ?> rollingPolicy;
    private final OutputFileConfig fileConfig;

    private FileSink(RowFormatBuilder<IN, ?> builder) {
        this.basePath = builder.basePath.toUri().toString();
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.fileConfig = builder.fileConfig;
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

    /** A local path without a scheme is made absolute here, where the job is built. */
    private static Path absolute(Path path) {
        URI uri = path.toUri();
        return uri.getScheme() == null && !path.isAbsolute() ? Path.fromLocalFile(new java.io.File(uri.getPath())) : path;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public CommittingSinkWriter<IN, FileSinkCommittable> createWriter(WriterInitContext context) throws IOException {
        return new FileWriter<>(new Path(URI.create(basePath)), encoder, (BucketAssigner) bucketAssigner,
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
            return new FileSink<>(this);
        }
    }
}
