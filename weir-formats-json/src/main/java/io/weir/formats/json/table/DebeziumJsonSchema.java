package io.weir.formats.json.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import java.io.IOException;

/**
 * {@code 'format' = 'debezium-json'}: Debezium's change events, {@code {"before": …, "after": …,
 * "op": "c" | "r" | "u" | "d"}} (inside {@code "payload"} when {@code schema-include} is on). A create
 * or snapshot read is {@code +I after}; an update is {@code -U before} then {@code +U after}; a delete
 * is {@code -D before}. Writing turns {@code +I}/{@code +U} into a create of the row and
 * {@code -U}/{@code -D} into a delete of it, as Flink does.
 */
final class DebeziumJsonSchema extends ChangelogJsonSchema implements SerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final boolean schemaInclude;
    private transient ObjectMapper writer;

    DebeziumJsonSchema(TypeInformation<Row> rowType, JsonRowConverter converter, boolean ignoreParseErrors,
            boolean schemaInclude) {
        super(rowType, converter, ignoreParseErrors);
        this.schemaInclude = schemaInclude;
    }

    @Override
    void emitChanges(JsonNode message, Collector<Row> out) throws IOException {
        JsonNode event = message;
        if (schemaInclude) {
            event = message.get("payload");
            if (event == null) {
                throw new IOException("the event has no 'payload' envelope; if Debezium writes events without"
                        + " their schema, set 'debezium-json.schema-include' = 'false'");
            }
        } else if (message.has("schema") && message.has("payload")) {
            throw new IOException("the event has a 'schema' and a 'payload' envelope; set"
                    + " 'debezium-json.schema-include' = 'true'");
        }
        String op = required(event, "op", "Debezium event").asText();
        switch (op) {
            case "c", "r" -> out.collect(converter.toRow(required(event, "after", "create event"), RowKind.INSERT));
            case "u" -> {
                JsonNode before = event.get("before");
                if (before == null || before.isNull()) {
                    throw new IOException("the update event has no 'before' row; with PostgreSQL set REPLICA"
                            + " IDENTITY FULL on the table, so Debezium sends the old row with each update");
                }
                out.collect(converter.toRow(before, RowKind.UPDATE_BEFORE));
                out.collect(converter.toRow(required(event, "after", "update event"), RowKind.UPDATE_AFTER));
            }
            case "d" -> out.collect(converter.toRow(required(event, "before", "delete event"), RowKind.DELETE));
            default -> throw new IOException("unknown Debezium operation 'op' = '" + op + "' (expected c, r, u or d)");
        }
    }

    @Override
    public byte[] serialize(Row row) {
        if (writer == null) {
            writer = new ObjectMapper();
        }
        boolean addition = row.getKind() == RowKind.INSERT || row.getKind() == RowKind.UPDATE_AFTER;
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.set("before", addition ? JsonNodeFactory.instance.nullNode() : converter.toJson(row));
        event.set("after", addition ? converter.toJson(row) : JsonNodeFactory.instance.nullNode());
        event.put("op", addition ? "c" : "d");
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a row as a Debezium event: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "the debezium-json format";
    }
}
