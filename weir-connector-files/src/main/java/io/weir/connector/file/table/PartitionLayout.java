package io.weir.connector.file.table;

import io.weir.api.fs.Path;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.sql.connectors.formats.FieldText;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a filesystem table's columns are: the partition columns ({@code PARTITIONED BY (dt, hr)}) in
 * the Hive-style directories of a file ({@code dt=2026-12-03/hr=10/part-...}), the other (physical)
 * columns in the file, in table order. Writing splits a row into its directory and its physical
 * row; reading joins a file's physical rows with the values of its directory names.
 *
 * <p>Directory values are the column's text ({@link FieldText}) with the characters that cannot be
 * in a path name escaped as {@code %XX}, as Hive does; a NULL value is the table's default partition
 * name ({@code partition.default-name}, {@code __DEFAULT_PARTITION__}).
 */
final class PartitionLayout implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String ESCAPED = "\"#%'*/:=?\\\u007f{[]^";

    private final String table;
    private final RowTypeInfo tableType;
    private final String[] partitionKeys;
    private final int[] partitionIndexes;
    private final int[] physicalIndexes;
    private final String defaultName;

    PartitionLayout(String table, RowTypeInfo tableType, List<String> partitionKeys, String defaultName) {
        this.table = table;
        this.tableType = tableType;
        this.partitionKeys = partitionKeys.toArray(new String[0]);
        this.defaultName = defaultName;
        List<String> columns = Arrays.asList(tableType.getFieldNames());
        this.partitionIndexes = partitionKeys.stream().mapToInt(columns::indexOf).toArray();
        for (int i = 0; i < partitionIndexes.length; i++) {
            if (partitionIndexes[i] < 0) {
                throw new IllegalArgumentException("the partition column '" + partitionKeys.get(i)
                        + "' is not a column of the table; columns: " + columns);
            }
        }
        this.physicalIndexes = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> !partitionKeys.contains(columns.get(i))).toArray();
        if (physicalIndexes.length == 0) {
            throw new IllegalArgumentException("every column is a partition column; the files need at least one other");
        }
    }

    boolean isPartitioned() {
        return partitionKeys.length > 0;
    }

    RowTypeInfo tableType() {
        return tableType;
    }

    /** The columns stored in the files. */
    RowTypeInfo physicalType() {
        TypeInformation<?>[] types = new TypeInformation<?>[physicalIndexes.length];
        String[] names = new String[physicalIndexes.length];
        for (int i = 0; i < physicalIndexes.length; i++) {
            types[i] = tableType.getFieldTypes()[physicalIndexes[i]];
            names[i] = tableType.getFieldNames()[physicalIndexes[i]];
        }
        return new RowTypeInfo(types, names);
    }

    Row physicalRow(Row row) {
        Row physical = new Row(row.getKind(), physicalIndexes.length);
        for (int i = 0; i < physicalIndexes.length; i++) {
            physical.setField(i, row.getField(physicalIndexes[i]));
        }
        return physical;
    }

    /** The row's partition directory relative to the table's path ({@code dt=2026-12-03/hr=10}); "" unpartitioned. */
    String directoryOf(Row row) {
        StringBuilder directory = new StringBuilder();
        for (int i = 0; i < partitionKeys.length; i++) {
            Object value = row.getField(partitionIndexes[i]);
            directory.append(i == 0 ? "" : "/").append(partitionKeys[i]).append('=')
                    .append(value == null ? defaultName : escape(FieldText.format(value, false)));
        }
        return directory.toString();
    }

    /**
     * The partition values of a file, from the {@code key=value} names of its directories, in the
     * order of the partition keys.
     *
     * @throws IOException naming the file and the key when a partition directory is missing or its
     *     value is not of the column's type
     */
    Object[] valuesOf(Path file) throws IOException {
        Map<String, String> named = new HashMap<>();
        for (Path dir = file.getParent(); dir != null; dir = dir.getParent()) {
            String name = dir.getName();
            int eq = name.indexOf('=');
            if (eq > 0) {
                named.putIfAbsent(name.substring(0, eq), name.substring(eq + 1));
            }
        }
        Object[] values = new Object[partitionKeys.length];
        for (int i = 0; i < partitionKeys.length; i++) {
            String text = named.get(partitionKeys[i]);
            if (text == null) {
                throw new IOException("Table " + table + ": the file " + file + " is not in a '" + partitionKeys[i]
                        + "=<value>' directory; a partitioned table's files must be under its partition directories");
            }
            values[i] = parse(file, i, unescape(text));
        }
        return values;
    }

    private Object parse(Path file, int partition, String text) throws IOException {
        if (text.equals(defaultName)) {
            return null;
        }
        Class<?> type = tableType.getFieldTypes()[partitionIndexes[partition]].getTypeClass();
        try {
            return FieldText.parse(text, type);
        } catch (IllegalArgumentException e) {
            throw new IOException("Table " + table + ": the directory '" + partitionKeys[partition] + "=" + text
                    + "' of the file " + file + " does not hold a value of the column: " + e.getMessage(), e);
        }
    }

    /** The table row of a physical row read from a file whose partition values are {@code values}. */
    Row tableRow(Row physical, Object[] values) {
        Row row = new Row(physical.getKind(), tableType.getArity());
        for (int i = 0; i < physicalIndexes.length; i++) {
            row.setField(physicalIndexes[i], physical.getField(i));
        }
        for (int i = 0; i < partitionIndexes.length; i++) {
            row.setField(partitionIndexes[i], values[i]);
        }
        return row;
    }

    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c < ' ' || ESCAPED.indexOf(c) >= 0) {
                escaped.append('%').append(String.format("%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String unescape(String name) {
        return name.indexOf('%') < 0 ? name : URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
