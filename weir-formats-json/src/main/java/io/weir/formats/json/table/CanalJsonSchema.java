package io.weir.formats.json.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code 'format' = 'canal-json'}: Canal's change events, {@code {"data": [rows], "old": [changed
 * fields], "type": "INSERT" | "UPDATE" | "DELETE"}}; DDL events ({@code "isDdl": true}) carry no rows
 * and are skipped. An update's old row is the new row with the fields of {@code old} put back.
 * Read only.
 */
final class CanalJsonSchema extends ChangelogJsonSchema {
    private static final long serialVersionUID = 1L;

    CanalJsonSchema(TypeInformation<Row> rowType, JsonRowConverter converter, boolean ignoreParseErrors) {
        super(rowType, converter, ignoreParseErrors);
    }

    @Override
    void emitChanges(JsonNode event, Collector<Row> out) throws IOException {
        if (event.path("isDdl").asBoolean(false)) {
            return;
        }
        String type = required(event, "type", "Canal event").asText();
        JsonNode data = required(event, "data", "Canal " + type + " event");
        if (!data.isArray()) {
            throw new IOException("the Canal event's 'data' is not an array of rows");
        }
        for (int i = 0; i < data.size(); i++) {
            JsonNode row = data.get(i);
            switch (type) {
                case "INSERT" -> out.collect(converter.toRow(row, RowKind.INSERT));
                case "DELETE" -> out.collect(converter.toRow(row, RowKind.DELETE));
                case "UPDATE" -> {
                    out.collect(converter.toRow(oldRow(row, event.path("old").path(i)), RowKind.UPDATE_BEFORE));
                    out.collect(converter.toRow(row, RowKind.UPDATE_AFTER));
                }
                default -> throw new IOException("unknown Canal event type '" + type
                        + "' (expected INSERT, UPDATE or DELETE)");
            }
        }
    }

    private static JsonNode oldRow(JsonNode row, JsonNode changed) {
        ObjectNode old = ((ObjectNode) row).deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = changed.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            old.set(field.getKey(), field.getValue());
        }
        return old;
    }

    @Override
    public String toString() {
        return "the canal-json format";
    }
}
