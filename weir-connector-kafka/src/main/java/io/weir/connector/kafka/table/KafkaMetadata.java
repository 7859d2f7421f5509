package io.weir.connector.kafka.table;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.MapTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * The metadata a {@code kafka} or {@code upsert-kafka} table reads from each record, with Flink's
 * keys and types: {@code topic}, {@code partition}, {@code headers}, {@code leader-epoch},
 * {@code offset}, {@code timestamp} and {@code timestamp-type}; of these it writes {@code headers}
 * and {@code timestamp} ({@link #WRITABLE}).
 */
final class KafkaMetadata implements Serializable {
    private static final long serialVersionUID = 1L;

    static final Map<String, LogicalType> READABLE = readable();

    /** The keys a sink writes into each record, as Flink's: nullable, a null leaves the producer's default. */
    static final Map<String, LogicalType> WRITABLE = writable();

    private final List<String> keys;

    KafkaMetadata(List<String> keys) {
        this.keys = List.copyOf(keys);
    }

    private static Map<String, LogicalType> readable() {
        LogicalType string = LogicalType.of(LogicalTypeRoot.VARCHAR, LogicalType.MAX_LENGTH, -1).copy(false);
        LogicalType bytes = LogicalType.of(LogicalTypeRoot.VARBINARY, LogicalType.MAX_LENGTH, -1);
        Map<String, LogicalType> keys = new LinkedHashMap<>();
        keys.put("topic", string);
        keys.put("partition", LogicalType.of(LogicalTypeRoot.INTEGER).copy(false));
        keys.put("headers", LogicalType.collection(LogicalTypeRoot.MAP, List.of(string, bytes)).copy(false));
        keys.put("leader-epoch", LogicalType.of(LogicalTypeRoot.INTEGER));
        keys.put("offset", LogicalType.of(LogicalTypeRoot.BIGINT).copy(false));
        keys.put("timestamp", LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, -1).copy(false));
        keys.put("timestamp-type", string);
        return Collections.unmodifiableMap(keys);
    }

    private static Map<String, LogicalType> writable() {
        Map<String, LogicalType> keys = new LinkedHashMap<>();
        keys.put("headers", READABLE.get("headers").copy(true));
        keys.put("timestamp", READABLE.get("timestamp").copy(true));
        return Collections.unmodifiableMap(keys);
    }

    boolean isEmpty() {
        return keys.isEmpty();
    }

    /** The table's row type followed by the metadata keys' types. */
    RowTypeInfo appendTypes(RowTypeInfo table) {
        int arity = table.getArity() + keys.size();
        TypeInformation<?>[] types = new TypeInformation<?>[arity];
        String[] names = new String[arity];
        for (int i = 0; i < table.getArity(); i++) {
            types[i] = table.getFieldTypes()[i];
            names[i] = table.getFieldNames()[i];
        }
        for (int i = 0; i < keys.size(); i++) {
            types[table.getArity() + i] = switch (keys.get(i)) {
                case "partition", "leader-epoch" -> BasicTypeInfo.INT_TYPE_INFO;
                case "offset" -> BasicTypeInfo.LONG_TYPE_INFO;
                case "timestamp" -> BasicTypeInfo.INSTANT_TYPE_INFO;
                case "headers" -> new MapTypeInfo<>(BasicTypeInfo.STRING_TYPE_INFO, TypeInformation.of(byte[].class));
                default -> BasicTypeInfo.STRING_TYPE_INFO;
            };
            names[table.getArity() + i] = "$metadata$" + keys.get(i);
        }
        return new RowTypeInfo(types, names);
    }

    /** The row followed by the record's metadata values. */
    Row append(Row row, ConsumerRecord<byte[], byte[]> record) {
        Row out = Row.withPositions(row.getKind(), row.getArity() + keys.size());
        for (int i = 0; i < row.getArity(); i++) {
            out.setField(i, row.getField(i));
        }
        for (int i = 0; i < keys.size(); i++) {
            out.setField(row.getArity() + i, value(keys.get(i), record));
        }
        return out;
    }

    private static Object value(String key, ConsumerRecord<byte[], byte[]> record) {
        return switch (key) {
            case "topic" -> record.topic();
            case "partition" -> record.partition();
            case "headers" -> {
                Map<String, byte[]> headers = new LinkedHashMap<>();
                for (Header header : record.headers()) {
                    headers.put(header.key(), header.value());
                }
                yield headers;
            }
            case "leader-epoch" -> record.leaderEpoch().orElse(null);
            case "offset" -> record.offset();
            case "timestamp" -> Instant.ofEpochMilli(record.timestamp());
            case "timestamp-type" -> record.timestampType().toString();
            default -> throw new IllegalArgumentException("not a Kafka metadata key: " + key);
        };
    }
}
