package io.weir.connector.kafka.table;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.connector.base.DeliveryGuarantee;
import io.weir.api.datastream.DataStream;
import io.weir.api.datastream.DataStreamSink;
import io.weir.api.environment.StreamExecutionEnvironment;
import io.weir.api.eventtime.WatermarkStrategy;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.connector.kafka.sink.KafkaSink;
import io.weir.connector.kafka.sink.KafkaSinkBuilder;
import io.weir.connector.kafka.source.BadRecordHandlingDeserializer;
import io.weir.connector.kafka.source.KafkaSource;
import io.weir.connector.kafka.source.KafkaSourceBuilder;
import io.weir.sql.connectors.ChangelogMode;
import io.weir.sql.connectors.TableFactory;
import io.weir.sql.connectors.formats.FormatFactory;
import io.weir.sql.connectors.formats.Formats;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One {@code kafka} or {@code upsert-kafka} table: its formats, the layout of its columns over key
 * and value, and the source and sink built from them. {@code upsert-kafka} keys every record by the
 * table's primary key, writes deletes as tombstones, and reads the topic back as a changelog.
 */
final class KafkaTable {
    private final TableFactory.Context context;
    private final KafkaTableOptions options;
    private final boolean upsert;
    private final RowTypeInfo rowType;
    private final List<String> keyFields;
    private final RowLayout layout;

    KafkaTable(TableFactory.Context context, boolean upsert) {
        this.context = context;
        this.upsert = upsert;
        this.options = new KafkaTableOptions(context, upsert ? "upsert-kafka" : "kafka");
        this.rowType = context.rowType();
        this.keyFields = keyFields();
        String include = options.getOrDefault("value.fields-include", "ALL");
        if (!include.equals("ALL") && !include.equals("EXCEPT_KEY")) {
            throw options.invalid("'value.fields-include' = '" + include + "': use 'ALL' or 'EXCEPT_KEY'");
        }
        if (options.get("key.fields-prefix") != null) {
            throw options.invalid("'key.fields-prefix' is not supported yet: name the key columns as in the key");
        }
        this.layout = RowLayout.of(rowType, keyFields, include.equals("ALL"));
    }

    private List<String> keyFields() {
        List<String> columns = List.of(rowType.getFieldNames());
        if (upsert) {
            List<String> primaryKey = context.table().schema().primaryKey();
            if (primaryKey.isEmpty()) {
                throw options.invalid("an upsert-kafka table needs a PRIMARY KEY (...) NOT ENFORCED: its columns are"
                        + " the Kafka record's key");
            }
            if (options.get("key.fields") != null) {
                throw options.invalid("'key.fields' is not used by upsert-kafka: the primary key is the key");
            }
            return primaryKey;
        }
        List<String> fields = options.list("key.fields");
        for (String field : fields) {
            if (!columns.contains(field)) {
                throw options.invalid("'key.fields' names '" + field + "', which is not a column; columns: " + columns);
            }
        }
        if (!fields.isEmpty() && options.get("key.format") == null) {
            throw options.invalid("'key.fields' needs 'key.format', e.g. 'key.format' = 'json'");
        }
        return fields;
    }

    private String valueFormatName() {
        String value = options.get("value.format");
        String plain = options.get("format");
        if (value != null && plain != null) {
            throw options.invalid("set 'format' or 'value.format', not both");
        }
        if (value == null && plain == null) {
            throw options.invalid("the value format is missing, e.g. 'value.format' = 'json' (or 'format')");
        }
        return value != null ? value : plain;
    }

    private String valuePrefix() {
        return options.get("value.format") != null ? "value." : "";
    }

    private FormatFactory valueFormat() {
        return Formats.find(options.tableName(), valuePrefix() + "format", valueFormatName());
    }

    private FormatFactory.Context valueContext() {
        return Formats.context(options.tableName(), valueFormatName(), valuePrefix(), layout.valueType(rowType),
                options.formatOptions(), context.table().schema());
    }

    private FormatFactory keyFormat() {
        if (!layout.hasKey()) {
            return null;
        }
        return Formats.find(options.tableName(), "key.format", options.required("key.format", "json"));
    }

    private FormatFactory.Context keyContext() {
        return Formats.context(options.tableName(), options.get("key.format"), "key.", layout.keyType(rowType),
                options.formatOptions(), context.table().schema());
    }

    ChangelogMode sourceMode() {
        return upsert ? ChangelogMode.all() : valueFormat().changelogMode();
    }

    ChangelogMode sinkMode() {
        return upsert ? ChangelogMode.upsert() : valueFormat().changelogMode();
    }

    DataStream<Row> createSource(StreamExecutionEnvironment env) {
        return createSource(env, List.of());
    }

    /** The table's rows, each followed by the values of the metadata keys. */
    DataStream<Row> createSource(StreamExecutionEnvironment env, List<String> metadataKeys) {
        KafkaMetadata metadata = new KafkaMetadata(metadataKeys);
        if (upsert && !valueFormat().changelogMode().isInsertOnly()) {
            throw options.invalid("upsert-kafka's value format must be append-only (json, csv, ...), not '"
                    + valueFormatName() + "'");
        }
        Properties client = options.clientProperties();
        FormatFactory keyFormat = keyFormat();
        DeserializationSchema<Row> key = keyFormat == null ? null : keyFormat.createDeserializer(keyContext());
        BadRecordHandlingDeserializer<Row> records = new BadRecordHandlingDeserializer<>(
                new RowRecordDeserializer(metadata.isEmpty() ? rowType : metadata.appendTypes(rowType), layout, key,
                        valueFormat().createDeserializer(valueContext()), upsert, metadata),
                options.badRecordPolicy(), options.get("scan.bad-record.dead-letter-topic"), client,
                "the table's 'scan.bad-record.policy'");
        KafkaSourceBuilder<Row> builder = KafkaSource.<Row>builder().setProperties(client).setDeserializer(records);
        String pattern = options.get("topic-pattern");
        if (pattern != null) {
            builder.setTopicPattern(Pattern.compile(pattern));
        } else {
            builder.setTopics(options.list("topic").isEmpty() ? List.of(options.required("topic", "orders"))
                    : options.list("topic"));
        }
        String discovery = options.get("scan.topic-partition-discovery.interval");
        if (discovery != null) {
            builder.setProperty("partition.discovery.interval.ms", discovery);
        }
        new KafkaStartupOptions(options, upsert).apply(builder);
        DataStream<Row> rows;
        try {
            rows = env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), "kafka " + options.tableName());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw options.invalid(e.getMessage());
        }
        if (!upsert) {
            return rows;
        }
        RowTypeInfo keyType = layout.keyType(rowType);
        RowLayout keyOnly = layout;
        RowTypeInfo produced = metadata.isEmpty() ? rowType : metadata.appendTypes(rowType);
        return rows.keyBy(keyOnly::key, keyType).process(new UpsertNormalizer(produced), produced)
                .name("normalize upserts of " + options.tableName());
    }

    void createSink(DataStream<Row> rows) {
        createSink(rows, List.of());
    }

    /** Writes the rows, each followed by the values of the writable metadata keys. */
    void createSink(DataStream<Row> rows, List<String> metadataKeys) {
        String topic = options.required("topic", "orders");
        if (options.list("topic").size() != 1) {
            throw options.invalid("a table written to needs exactly one 'topic', not '" + topic + "'");
        }
        FormatFactory keyFormat = keyFormat();
        SerializationSchema<Row> key = keyFormat == null ? null : keyFormat.createSerializer(keyContext());
        RowRecordSerializer records = new RowRecordSerializer(topic, layout, key,
                valueFormat().createSerializer(valueContext()), upsert, rowType.getArity(), metadataKeys);
        DeliveryGuarantee guarantee = options.deliveryGuarantee();
        Properties client = options.clientProperties();
        KafkaSinkBuilder<Row> builder = KafkaSink.<Row>builder()
                .setBootstrapServers(client.getProperty("bootstrap.servers"))
                .setKafkaProducerConfig(client)
                .setRecordSerializer(records)
                .setDeliveryGuarantee(guarantee);
        String prefix = options.get("sink.transactional-id-prefix");
        if (prefix != null) {
            builder.setTransactionalIdPrefix(prefix);
        } else if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            throw options.invalid("'sink.delivery-guarantee' = 'exactly-once' needs 'sink.transactional-id-prefix',"
                    + " unique to this job and table");
        }
        DataStreamSink<Row> sink;
        try {
            sink = rows.sinkTo(builder.build()).name("kafka " + options.tableName());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw options.invalid(e.getMessage());
        }
        String parallelism = options.get("sink.parallelism");
        if (parallelism != null) {
            sink.setParallelism((int) options.number("sink.parallelism"));
        }
    }
}
