package io.weir.formats.json.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.functions.Collector;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The common part of the CDC formats (debezium-json, canal-json): each message is one change event
 * that becomes one or more rows with their change kind ({@code +I}, {@code -U}/{@code +U}, {@code -D}).
 * A message that cannot be read is an {@link IOException}, or skipped with {@code ignore-parse-errors};
 * an empty message (a Kafka tombstone after a delete) is skipped.
 */
abstract class ChangelogJsonSchema implements DeserializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<Row> rowType;
    final JsonRowConverter converter;
    private final boolean ignoreParseErrors;
    private final JsonRowSchema parser;

    ChangelogJsonSchema(TypeInformation<Row> rowType, JsonRowConverter converter, boolean ignoreParseErrors) {
        this.rowType = rowType;
        this.converter = converter;
        this.ignoreParseErrors = ignoreParseErrors;
        this.parser = new JsonRowSchema(rowType, converter, false);
    }

    /** Emits the rows of one change event. */
    abstract void emitChanges(JsonNode event, Collector<Row> out) throws IOException;

    @Override
    public void deserialize(byte[] message, Collector<Row> out) throws IOException {
        if (message == null || message.length == 0) {
            return;
        }
        List<Row> rows = new ArrayList<>(2);
        try {
            emitChanges(parser.tree(message), new Collector<>() {
                @Override
                public void collect(Row row) {
                    rows.add(row);
                }

                @Override
                public void close() {}
            });
        } catch (IOException e) {
            if (ignoreParseErrors) {
                return;
            }
            throw e;
        }
        // emitted only once the whole event was read: a bad event emits none of its rows
        for (Row row : rows) {
            out.collect(row);
        }
    }

    /** A change event can be several rows: connectors call {@link #deserialize(byte[], Collector)}. */
    @Override
    public Row deserialize(byte[] message) throws IOException {
        List<Row> rows = new ArrayList<>();
        deserialize(message, new Collector<>() {
            @Override
            public void collect(Row row) {
                rows.add(row);
            }

            @Override
            public void close() {}
        });
        if (rows.size() > 1) {
            throw new IOException("the change event holds " + rows.size() + " rows; read it with"
                    + " deserialize(byte[], Collector)");
        }
        return rows.isEmpty() ? null : rows.get(0);
    }

    static JsonNode required(JsonNode object, String property, String what) throws IOException {
        JsonNode value = object.get(property);
        if (value == null || value.isNull()) {
            throw new IOException("the " + what + " has no '" + property + "': "
                    + JsonRowConverter.abbreviate(object));
        }
        return value;
    }

    @Override
    public boolean isEndOfStream(Row nextElement) {
        return false;
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return rowType;
    }
}
