package io.weir.connector.kafka.table;

import io.weir.api.datastream.DataStream;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.types.Row;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.SupportsReadingMetadata;
import io.weir.sql.connectors.SupportsWritingMetadata;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.types.LogicalType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code 'connector' = 'kafka'}: a topic read with a {@code KafkaSource} and written with a
 * {@code KafkaSink}, with Flink's option keys; rows in the value format (a changelog format such as
 * debezium-json makes the table a changelog), optionally some columns in the key.
 */
public final class KafkaTableFactory implements TableFactory, SupportsReadingMetadata, SupportsWritingMetadata {

    @Override
    public String factoryIdentifier() {
        return "kafka";
    }

    @Override
    public Set<String> supportedOptions() {
        return KafkaTableOptions.supported(false);
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return new KafkaTable(context, false).sourceMode();
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return new KafkaTable(context, false).sinkMode();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        return new KafkaTable(context, false).createSource(env);
    }

    /** topic, partition, headers, leader-epoch, offset, timestamp, timestamp-type, as Flink's. */
    @Override
    public Map<String, LogicalType> listReadableMetadata(Context context) {
        return KafkaMetadata.READABLE;
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env, List<String> metadataKeys) {
        return new KafkaTable(context, false).createSource(env, metadataKeys);
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        new KafkaTable(context, false).createSink(rows);
    }

    /** headers (MAP<STRING, BYTES>) and timestamp (TIMESTAMP_LTZ(3)), as Flink's. */
    @Override
    public Map<String, LogicalType> listWritableMetadata(Context context) {
        return KafkaMetadata.WRITABLE;
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows, List<String> metadataKeys) {
        new KafkaTable(context, false).createSink(rows, metadataKeys);
    }
}
