package io.weir.connector.file.table;

import io.weir.api.configuration.Configuration;
import io.weir.api.fs.FSDataInputStream;
import io.weir.api.fs.FileStatus;
import io.weir.api.fs.FileSystem;
import io.weir.api.fs.Path;
import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.connector.file.src.reader.StreamFormat;
import io.weir.connector.file.src.util.CheckpointedPosition;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a filesystem table's rows followed by metadata of the file they come from, the keys of
 * Flink's filesystem connector: {@code file.path}, {@code file.name}, {@code file.size} and
 * {@code file.modification-time}. {@link #forFile} binds the format to one file and looks up its
 * status once.
 */
final class MetadataRowFormat implements StreamFormat<Row> {
    private static final long serialVersionUID = 1L;

    /** The readable keys and their types, in Flink's order. */
    static final Map<String, LogicalType> READABLE = readable();

    private final StreamFormat<Row> rows;
    private final List<String> keys;
    private final Object[] values;

    MetadataRowFormat(StreamFormat<Row> rows, List<String> keys) {
        this(rows, keys, null);
    }

    private MetadataRowFormat(StreamFormat<Row> rows, List<String> keys, Object[] values) {
        this.rows = rows;
        this.keys = keys;
        this.values = values;
    }

    private static Map<String, LogicalType> readable() {
        Map<String, LogicalType> keys = new LinkedHashMap<>();
        LogicalType string = LogicalType.of(LogicalTypeRoot.VARCHAR, LogicalType.MAX_LENGTH, -1).copy(false);
        keys.put("file.path", string);
        keys.put("file.name", string);
        keys.put("file.size", LogicalType.of(LogicalTypeRoot.BIGINT).copy(false));
        keys.put("file.modification-time", LogicalType.of(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, 3, -1).copy(false));
        return java.util.Collections.unmodifiableMap(keys);
    }

    @Override
    public StreamFormat<Row> forFile(Path file) {
        FileStatus status;
        try {
            status = FileSystem.get(file.toUri()).getFileStatus(file);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the metadata of " + file + ": " + e.getMessage(), e);
        }
        Object[] fileValues = new Object[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            fileValues[i] = switch (keys.get(i)) {
                case "file.path" -> file.toString();
                case "file.name" -> file.getName();
                case "file.size" -> status.getLen();
                case "file.modification-time" -> Instant.ofEpochMilli(status.getModificationTime());
                default -> throw new IllegalArgumentException("not a filesystem metadata key: " + keys.get(i));
            };
        }
        return new MetadataRowFormat(rows.forFile(file), keys, fileValues);
    }

    @Override
    public Reader<Row> createReader(Configuration config, FSDataInputStream stream, long fileLen, long splitEnd)
            throws IOException {
        return new WithMetadata(rows.createReader(config, stream, fileLen, splitEnd));
    }

    @Override
    public Reader<Row> restoreReader(Configuration config, FSDataInputStream stream, long restoredOffset,
            long fileLen, long splitEnd) throws IOException {
        return new WithMetadata(rows.restoreReader(config, stream, restoredOffset, fileLen, splitEnd));
    }

    @Override
    public boolean isSplittable() {
        return rows.isSplittable();
    }

    @Override
    public TypeInformation<Row> getProducedType() {
        RowTypeInfo table = (RowTypeInfo) rows.getProducedType();
        int arity = table.getArity() + keys.size();
        TypeInformation<?>[] types = new TypeInformation<?>[arity];
        String[] names = new String[arity];
        for (int i = 0; i < table.getArity(); i++) {
            types[i] = table.getFieldTypes()[i];
            names[i] = table.getFieldNames()[i];
        }
        for (int i = 0; i < keys.size(); i++) {
            types[table.getArity() + i] = switch (keys.get(i)) {
                case "file.size" -> BasicTypeInfo.LONG_TYPE_INFO;
                case "file.modification-time" -> BasicTypeInfo.INSTANT_TYPE_INFO;
                default -> BasicTypeInfo.STRING_TYPE_INFO;
            };
            names[table.getArity() + i] = "$metadata$" + keys.get(i);
        }
        return new RowTypeInfo(types, names);
    }

    /** A file's rows, each followed by the file's metadata values. Threading: one source task thread. */
    private final class WithMetadata implements Reader<Row> {
        private final Reader<Row> reader;

        WithMetadata(Reader<Row> reader) {
            if (values == null) {
                throw new IllegalStateException("The metadata format reads a file only once bound to it (forFile)");
            }
            this.reader = reader;
        }

        @Override
        public Row read() throws IOException {
            Row row = reader.read();
            if (row == null) {
                return null;
            }
            Row out = Row.withPositions(row.getKind(), row.getArity() + values.length);
            for (int i = 0; i < row.getArity(); i++) {
                out.setField(i, row.getField(i));
            }
            for (int i = 0; i < values.length; i++) {
                out.setField(row.getArity() + i, values[i]);
            }
            return out;
        }

        @Override
        public CheckpointedPosition getCheckpointedPosition() {
            return reader.getCheckpointedPosition();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
