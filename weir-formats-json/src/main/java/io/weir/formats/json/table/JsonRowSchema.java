package io.weir.formats.json.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import java.io.IOException;

/**
 * {@code 'format' = 'json'}: each message is one JSON object whose properties are the columns. A
 * message that is not JSON, or whose values do not fit, is an {@link IOException} with the reason;
 * with {@code ignore-parse-errors} it is skipped instead (Flink's behaviour).
 */
final class JsonRowSchema implements DeserializationSchema<Row>, SerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<Row> rowType;
    private final JsonRowConverter converter;
    private final boolean ignoreParseErrors;
    private transient ObjectMapper mapper;

    JsonRowSchema(TypeInformation<Row> rowType, JsonRowConverter converter, boolean ignoreParseErrors) {
        this.rowType = rowType;
        this.converter = converter;
        this.ignoreParseErrors = ignoreParseErrors;
    }

    @Override
    public Row deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        try {
            return converter.toRow(tree(message), RowKind.INSERT);
        } catch (IOException e) {
            if (ignoreParseErrors) {
                return null;
            }
            throw e;
        }
    }

    JsonNode tree(byte[] message) throws IOException {
        if (mapper == null) {
            // decimals keep their digits (12.50 stays 12.50, not the double 12.5)
            mapper = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        }
        try {
            JsonNode tree = mapper.readTree(message);
            if (tree == null || tree.isMissingNode()) {
                throw new IOException("the message is empty, not a JSON object");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new IOException("not valid JSON: " + e.getOriginalMessage() + " at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        }
    }

    @Override
    public byte[] serialize(Row row) {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        try {
            return mapper.writeValueAsBytes(converter.toJson(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write a row as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public boolean isEndOfStream(Row nextElement) {
        return false;
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        return rowType;
    }

    @Override
    public String toString() {
        return "the json format";
    }
}
