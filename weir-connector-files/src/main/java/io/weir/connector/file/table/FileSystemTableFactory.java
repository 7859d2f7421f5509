package io.weir.connector.file.table;

import io.weir.api.configuration.MemorySize;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.connector.file.sink.FileSink;
import io.weir.connector.file.sink.OutputFileConfig;
import io.weir.connector.file.sink.rollingpolicies.DefaultRollingPolicy;
import io.weir.connector.file.src.FileSource;
import io.weir.connector.file.src.reader.DeserializingLineFormat;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.FullLookupCache;
import io.weir.sql.connectors.LookupProvider;
import io.weir.sql.connectors.LookupTableSource;
import io.weir.sql.connectors.SupportsOverwrite;
import io.weir.sql.connectors.SupportsOverwrite.Replacement;
import io.weir.sql.connectors.SupportsReadingMetadata;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.connectors.formats.FormatFactory;
import io.weir.sql.connectors.formats.Formats;
import io.weir.sql.types.LogicalType;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code 'connector' = 'filesystem'}: a table whose rows are the lines of the files under {@code path}
 * (a local path, {@code file://} or {@code s3://} URI), in a line format ({@code csv}, {@code json},
 * {@code raw}, ...), with Flink's option keys. {@code PARTITIONED BY (dt, hr)} puts each row into a
 * Hive-style {@code dt=.../hr=...} directory, without the partition columns in the file, and reading
 * takes them from the directory names.
 *
 * <p>Reading is a {@link FileSource}: bounded (the files there at start), or monitoring {@code path}
 * for new files every {@code source.monitor-interval}. Writing is a {@link FileSink}: exactly-once,
 * files appear when the checkpoint after their rows completes (and at the end of a bounded job),
 * rolled also by {@code sink.rolling-policy.file-size} and {@code sink.rolling-policy.rollover-interval}.
 */
public final class FileSystemTableFactory implements TableFactory, SupportsOverwrite, SupportsReadingMetadata,
        LookupTableSource {
    static final String DEFAULT_PARTITION_NAME = "__DEFAULT_PARTITION__";

    @Override
    public String factoryIdentifier() {
        return "filesystem";
    }

    @Override
    public Set<String> supportedOptions() {
        Set<String> options = new HashSet<>(Set.of("path", "format", "source.monitor-interval", "scan.bad-record.policy",
                "partition.default-name", "sink.rolling-policy.file-size", "sink.rolling-policy.rollover-interval",
                "sink.rolling-policy.inactivity-interval", "sink.rolling-policy.check-interval", "sink.parallelism",
                "lookup.join.cache.ttl"));
        options.addAll(Formats.optionKeys(""));
        options.addAll(BulkFormats.optionKeys());
        return options;
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return bulkFormat(context) != null ? ChangelogMode.insertOnly() : format(context).changelogMode();
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return bulkFormat(context) != null ? ChangelogMode.insertOnly() : format(context).changelogMode();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        return createSource(context, env, List.of());
    }

    /** {@code file.path}, {@code file.name}, {@code file.size}, {@code file.modification-time}, as Flink's. */
    @Override
    public Map<String, LogicalType> listReadableMetadata(Context context) {
        return MetadataRowFormat.READABLE;
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env, List<String> metadataKeys) {
        TableOptions table = new TableOptions(context);
        StreamFormat<Row> rows = rowFormat(context, table);
        if (!metadataKeys.isEmpty()) {
            rows = new MetadataRowFormat(rows, metadataKeys);
        }
        FileSource.FileSourceBuilder<Row> source = FileSource.forRecordStreamFormat(rows, path(table))
                .setBadRecordPolicy(table.badRecordPolicy());
        if (table.has("source.monitor-interval")) {
            source.monitorContinuously(table.duration("source.monitor-interval", null));
        }
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "filesystem " + table.name());
    }

    /** The rows of the table's files: the physical columns, partition values from the directories. */
    private static StreamFormat<Row> rowFormat(Context context, TableOptions table) {
        PartitionLayout layout = layout(context, table);
        BulkFormatFactory bulk = bulkFormat(context);
        StreamFormat<Row> lines = bulk != null ? bulk.createReaderFormat(formatContext(context, layout))
                : new DeserializingLineFormat<>(format(context).createDeserializer(formatContext(context, layout)));
        return layout.isPartitioned() ? new PartitionedRowFormat(lines, layout) : lines;
    }

    /**
     * A lookup join ({@code JOIN t FOR SYSTEM_TIME AS OF o.proc_time}) reads the whole table into
     * memory, indexed by the join key, and again after {@code lookup.join.cache.ttl} (60 min by
     * default), as Flink's filesystem connector; rows are found by any columns.
     */
    @Override
    public LookupProvider createLookup(Context context, int[] keyColumns) {
        TableOptions table = new TableOptions(context);
        Duration ttl = table.duration("lookup.join.cache.ttl", Duration.ofMinutes(60));
        FileTableLoader loader = new FileTableLoader(path(table), rowFormat(context, table), table.name(), keyColumns);
        return LookupProvider.partialCaching(loader, new FullLookupCache(loader, keyColumns, ttl, Clock.systemUTC()));
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        FileSink<Row> sink = fileSink(context, OutputFileConfig.builder().build());
        sink(context, rows.sinkTo(sink));
    }

    /**
     * INSERT OVERWRITE: the part files get a prefix of this statement ({@code part-<uuid>}); once the
     * job has finished, the other visible files of the directories they went to (and of a full static
     * partition) are deleted ({@link OverwriteReplacement}).
     */
    @Override
    public Replacement createOverwritingSink(Context context, DataStream<Row> rows, Map<String, String> staticPartitions) {
        String prefix = "part-" + UUID.randomUUID();
        sink(context, rows.sinkTo(fileSink(context, new OutputFileConfig(prefix, ""))));
        TableOptions table = new TableOptions(context);
        return new OverwriteReplacement(path(table), prefix, context.table().partitionKeys(), staticPartitions,
                table.text("partition.default-name", DEFAULT_PARTITION_NAME));
    }

    private static void sink(Context context, DataStreamSink<Row> written) {
        TableOptions table = new TableOptions(context);
        written.name("filesystem " + table.name());
        if (table.has("sink.parallelism")) {
            written.setParallelism(table.positive("sink.parallelism"));
        }
    }

    private static FileSink<Row> fileSink(Context context, OutputFileConfig fileConfig) {
        TableOptions table = new TableOptions(context);
        PartitionLayout layout = layout(context, table);
        BulkFormatFactory bulk = bulkFormat(context);
        if (bulk != null) {
            // A bulk file is finished on each checkpoint and at the end of the input, as in Flink: the
            // rolling-policy options apply to line formats only.
            return FileSink.forBulkFormat(path(table), new PhysicalBulkWriterFactory(
                            bulk.createWriterFactory(formatContext(context, layout)), layout))
                    .withBucketAssigner(new PartitionBucketAssigner(layout))
                    .withOutputFileConfig(fileConfig)
                    .build();
        }
        RowLineEncoder encoder = new RowLineEncoder(
                format(context).createSerializer(formatContext(context, layout)), layout);
        DefaultRollingPolicy<Row, String> rolling = DefaultRollingPolicy.builder()
                .withMaxPartSize(table.bytes("sink.rolling-policy.file-size", MemorySize.ofMebiBytes(128)))
                .withRolloverInterval(table.duration("sink.rolling-policy.rollover-interval", Duration.ofMinutes(30)))
                .withInactivityInterval(table.duration("sink.rolling-policy.inactivity-interval", Duration.ofMinutes(30)))
                .build();
        table.duration("sink.rolling-policy.check-interval", Duration.ofMinutes(1)); // checked for its form only
        FileSink<Row> sink = FileSink.forRowFormat(path(table), encoder)
                .withBucketAssigner(new PartitionBucketAssigner(layout))
                .withRollingPolicy(rolling)
                .withOutputFileConfig(fileConfig)
                .build();
        return sink;
    }

    private static PartitionLayout layout(Context context, TableOptions table) {
        try {
            return new PartitionLayout(table.name(), context.rowType(), context.table().partitionKeys(),
                    table.text("partition.default-name", DEFAULT_PARTITION_NAME));
        } catch (IllegalArgumentException e) {
            throw table.invalid(e.getMessage());
        }
    }

    private static Path path(TableOptions table) {
        String path = table.required("path", "s3://bucket/orders");
        try {
            return new Path(path);
        } catch (IllegalArgumentException e) {
            throw table.invalid("'path' = '" + path + "' is not a path or URI: " + e.getMessage());
        }
    }

    /** The bulk format ({@code parquet}, {@code avro}) the table names, or null for a line format. */
    private static BulkFormatFactory bulkFormat(Context context) {
        String name = new TableOptions(context).required("format", "csv");
        return BulkFormats.available().get(name);
    }

    private static FormatFactory format(Context context) {
        String name = new TableOptions(context).required("format", "csv");
        return Formats.find(context.identifier().asSummaryString(), "format", name);
    }

    /** The format reads and writes the physical columns only: partition columns are in the directories. */
    private static FormatFactory.Context formatContext(Context context, PartitionLayout layout) {
        return Formats.context(context.identifier().asSummaryString(), context.table().options().get("format"), "",
                layout.physicalType(), context.table().options(), context.table().schema());
    }
}
