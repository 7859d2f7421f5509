package io.weir.sql.connectors.formats;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.common.serialization.SerializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes rows as CSV lines (one message, one line). A field that is empty, or equal to
 * the null literal, is NULL. A line with the wrong number of fields, or a field that is not of its
 * column's type, is an {@link IOException} naming the column (or, with {@code ignore-parse-errors},
 * the line is skipped). Quoted fields may hold the delimiter and doubled quotes.
 */
final class CsvRowSchema implements DeserializationSchema<Row>, SerializationSchema<Row> {
    private static final long serialVersionUID = 1L;

    /** The line syntax; {@code quote} and {@code escape} are {@code '\0'} when off. */
    record Dialect(char delimiter, char quote, char escape, boolean allowComments, boolean ignoreParseErrors,
            String nullLiteral) implements Serializable {
    }

    private final TypeInformation<Row> rowType;
    private final String[] names;
    private final Class<?>[] classes;
    private final Dialect dialect;

    CsvRowSchema(FormatFactory.Context context, Dialect dialect) {
        this.rowType = context.rowType();
        this.names = context.rowType().getFieldNames();
        this.classes = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            classes[i] = context.rowType().getFieldTypes()[i].getTypeClass();
        }
        this.dialect = dialect;
    }

    @Override
    public Row deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        String line = new String(message, StandardCharsets.UTF_8);
        if (line.endsWith("\n")) {
            line = line.substring(0, line.length() - (line.endsWith("\r\n") ? 2 : 1));
        }
        if (dialect.allowComments() && line.startsWith("#")) {
            return null;
        }
        try {
            return toRow(split(line));
        } catch (IOException e) {
            if (dialect.ignoreParseErrors()) {
                return null;
            }
            throw e;
        }
    }

    private Row toRow(List<String> fields) throws IOException {
        if (fields.size() != names.length) {
            throw new IOException("the CSV line has " + fields.size() + " fields, the table has " + names.length
                    + " columns " + List.of(names));
        }
        Row row = new Row(RowKind.INSERT, names.length);
        for (int i = 0; i < names.length; i++) {
            String text = fields.get(i);
            if (text == null || (text.isEmpty() && classes[i] != String.class) || text.equals(dialect.nullLiteral())) {
                continue;
            }
            try {
                row.setField(i, FieldText.parse(text, classes[i]));
            } catch (IllegalArgumentException e) {
                throw new IOException("column '" + names[i] + "' (field " + (i + 1) + "): " + e.getMessage());
            }
        }
        return row;
    }

    /** The line's fields; a quoted empty field is "", an unquoted empty one is null. */
    private List<String> split(String line) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (dialect.escape() != '\0' && c == dialect.escape() && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (quoted) {
                if (c == dialect.quote() && i + 1 < line.length() && line.charAt(i + 1) == dialect.quote()) {
                    field.append(c);
                    i++;
                } else if (c == dialect.quote()) {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == dialect.quote() && dialect.quote() != '\0' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else if (c == dialect.delimiter()) {
                fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IOException("the CSV line ends inside a quoted field");
        }
        fields.add(field.isEmpty() && !wasQuoted ? null : field.toString());
        return fields;
    }

    @Override
    public byte[] serialize(Row row) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                line.append(dialect.delimiter());
            }
            Object value = row.getField(i);
            if (value == null) {
                if (dialect.nullLiteral() != null) {
                    line.append(dialect.nullLiteral());
                }
                continue;
            }
            String text = FieldText.format(value, false);
            boolean needsQuotes = dialect.quote() != '\0' && (text.indexOf(dialect.delimiter()) >= 0
                    || text.indexOf(dialect.quote()) >= 0 || text.indexOf('\n') >= 0 || text.isEmpty());
            if (needsQuotes) {
                String q = String.valueOf(dialect.quote());
                line.append(q).append(text.replace(q, q + q)).append(q);
            } else {
                line.append(text);
            }
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
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
        return "the csv format";
    }
}
