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
 * {@code 'connector' = 'upsert-kafka'}: a compacted topic as a table keyed by its primary key. Writing
 * turns inserts and updates into records keyed by the primary key (in {@code key.format}) and deletes
 * into tombstones; reading turns the topic back into a changelog ({@code +I}, {@code -U}/{@code +U},
 * {@code -D}) by keeping each key's last row in state. Its metadata keys are the {@code kafka}
 * connector's, as in Flink.
 */
public final class UpsertKafkaTableFactory implements TableFactory, SupportsReadingMetadata, SupportsWritingMetadata {

    @Override
    public String factoryIdentifier() {
        return "upsert-kafka";
    }

    @Override
    public Set<String> supportedOptions() {
        return KafkaTableOptions.supported(true);
    }

    @Override
    public ChangelogMode sourceChangelogMode(Context context) {
        return new KafkaTable(context, true).sourceMode();
    }

    @Override
    public ChangelogMode sinkChangelogMode(Context context) {
        return new KafkaTable(context, true).sinkMode();
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env) {
        return new KafkaTable(context, true).createSource(env);
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows) {
        new KafkaTable(context, true).createSink(rows);
    }

    /** topic, partition, headers, leader-epoch, offset, timestamp, timestamp-type, as the kafka connector. */
    @Override
    public Map<String, LogicalType> listReadableMetadata(Context context) {
        return KafkaMetadata.READABLE;
    }

    @Override
    public DataStream<Row> createSource(Context context, StreamExecutionEnvironment env, List<String> metadataKeys) {
        return new KafkaTable(context, true).createSource(env, metadataKeys);
    }

    /** headers and timestamp, as the kafka connector. */
    @Override
    public Map<String, LogicalType> listWritableMetadata(Context context) {
        return KafkaMetadata.WRITABLE;
    }

    @Override
    public void createSink(Context context, DataStream<Row> rows, List<String> metadataKeys) {
        new KafkaTable(context, true).createSink(rows, metadataKeys);
    }
}
