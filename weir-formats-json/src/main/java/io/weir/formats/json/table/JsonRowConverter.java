package io.weir.formats.json.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.connectors.formats.FieldText;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * Converts between a JSON object and a SQL row by column name: numbers, strings and booleans to the
 * column's Java type (numbers written as strings are accepted too), nested objects to ROW columns.
 * A missing or {@code null} property is NULL, unless {@code failOnMissingField}; a value that does
 * not fit its column is an {@link IOException} naming the column.
 */
final class JsonRowConverter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final Class<?>[] classes;
    private final JsonRowConverter[] nested;
    private final boolean failOnMissingField;
    private final boolean isoTimestamps;

    JsonRowConverter(RowTypeInfo rowType, boolean failOnMissingField, boolean isoTimestamps) {
        this.names = rowType.getFieldNames();
        this.classes = new Class<?>[names.length];
        this.nested = new JsonRowConverter[names.length];
        for (int i = 0; i < names.length; i++) {
            TypeInformation<?> type = rowType.getFieldTypes()[i];
            classes[i] = type.getTypeClass();
            if (type instanceof RowTypeInfo row) {
                nested[i] = new JsonRowConverter(row, failOnMissingField, isoTimestamps);
            }
        }
        this.failOnMissingField = failOnMissingField;
        this.isoTimestamps = isoTimestamps;
    }

    Row toRow(JsonNode object, RowKind kind) throws IOException {
        if (!object.isObject()) {
            throw new IOException("expected a JSON object, found " + object.getNodeType() + " " + abbreviate(object));
        }
        Row row = new Row(kind, names.length);
        for (int i = 0; i < names.length; i++) {
            JsonNode value = object.get(names[i]);
            if (value == null || value.isNull()) {
                if (failOnMissingField && value == null) {
                    throw new IOException("the property '" + names[i] + "' is missing (and 'fail-on-missing-field'"
                            + " is on)");
                }
                continue;
            }
            try {
                row.setField(i, field(i, value));
            } catch (IllegalArgumentException e) {
                throw new IOException("column '" + names[i] + "': " + e.getMessage());
            }
        }
        return row;
    }

    private Object field(int i, JsonNode value) throws IOException {
        if (nested[i] != null) {
            return nested[i].toRow(value, RowKind.INSERT);
        }
        Class<?> type = classes[i];
        if (value.isContainerNode()) {
            throw new IllegalArgumentException(abbreviate(value) + " is not a " + FieldText.typeName(type));
        }
        if (type == String.class) {
            return value.asText();
        }
        if (value.isNumber()) {
            if (type == BigDecimal.class) {
                return value.decimalValue();
            }
            if (type == Boolean.class) {
                throw new IllegalArgumentException(value + " is not a BOOLEAN");
            }
        }
        if (value.isBoolean() && type != Boolean.class) {
            throw new IllegalArgumentException(value + " is not a " + FieldText.typeName(type));
        }
        return FieldText.parse(value.asText(), type);
    }

    ObjectNode toJson(Row row) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < names.length; i++) {
            Object value = row.getField(i);
            if (value == null) {
                object.putNull(names[i]);
            } else if (nested[i] != null) {
                object.set(names[i], nested[i].toJson((Row) value));
            } else if (value instanceof Integer v) {
                object.put(names[i], v);
            } else if (value instanceof Long v) {
                object.put(names[i], v);
            } else if (value instanceof Short v) {
                object.put(names[i], v);
            } else if (value instanceof Byte v) {
                object.put(names[i], v.shortValue());
            } else if (value instanceof Double v) {
                object.put(names[i], v);
            } else if (value instanceof Float v) {
                object.put(names[i], v);
            } else if (value instanceof BigDecimal v) {
                object.put(names[i], v);
            } else if (value instanceof Boolean v) {
                object.put(names[i], v);
            } else if (value instanceof byte[] v) {
                object.put(names[i], Base64.getEncoder().encodeToString(v));
            } else {
                object.put(names[i], FieldText.format(value, isoTimestamps));
            }
        }
        return object;
    }

    static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
