package io.weir.api.types.serializers;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.Row;
import io.weir.api.types.RowKind;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Serializes rows as the {@link RowKind} byte followed by the fields in groups of eight, each group
 * led by a byte whose bit {@code i} marks field {@code i} of the group as null. Rows created by name
 * are written in the order of the type's field names; rows are read back positional, answering
 * {@link Row#getField(String)} too.
 */
public final class RowSerializer extends TypeSerializer<Row> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<Object>[] fieldSerializers;
    private final String[] fieldNames;
    private final Map<String, Integer> positionByName;

    @SuppressWarnings("unchecked")
    public RowSerializer(String[] fieldNames, TypeSerializer<?>[] fieldSerializers) {
        if (fieldNames.length != fieldSerializers.length) {
            throw new IllegalArgumentException(fieldNames.length + " names for " + fieldSerializers.length + " fields");
        }
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.fieldNames = fieldNames.clone();
        LinkedHashMap<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < fieldNames.length; i++) {
            positions.put(fieldNames[i], i);
        }
        this.positionByName = Collections.unmodifiableMap(positions);
    }

    public int getArity() {
        return fieldSerializers.length;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<Row> duplicate() {
        TypeSerializer<?>[] duplicates = CompositeSerializers.duplicateAll(fieldSerializers);
        return duplicates == null ? this : new RowSerializer(fieldNames, duplicates);
    }

    @Override
    public Row createInstance() {
        return Row.withNamedPositions(RowKind.INSERT, new Object[fieldSerializers.length], positionByName);
    }

    @Override
    public Row copy(Row from) {
        Set<String> names = from.getFieldNames(false);
        if (names != null) {
            Row copy = Row.withNames(from.getKind());
            for (String name : names) {
                copy.setField(name, copyField(positionOf(name), from.getField(name)));
            }
            return copy;
        }
        checkArity(from);
        Object[] fields = new Object[fieldSerializers.length];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = copyField(i, from.getField(i));
        }
        return Row.withNamedPositions(from.getKind(), fields, positionByName);
    }

    private Object copyField(int pos, Object value) {
        return value == null ? null : fieldSerializers[pos].copy(value);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Row record, DataOutputView target) throws IOException {
        target.writeByte(record.getKind().toByteValue());
        Set<String> names = record.getFieldNames(false);
        if (names != null) {
            for (String name : names) {
                positionOf(name);
            }
        } else {
            checkArity(record);
        }
        int arity = fieldSerializers.length;
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (field(record, names, i) == null) {
                    mask |= 1 << (i - group);
                }
            }
            target.writeByte(mask);
            for (int i = group; i < end; i++) {
                Object value = field(record, names, i);
                if (value != null) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        }
    }

    private Object field(Row row, Set<String> names, int pos) {
        return names == null ? row.getField(pos) : row.getField(fieldNames[pos]);
    }

    @Override
    public Row deserialize(DataInputView source) throws IOException {
        RowKind kind = RowKind.fromByteValue(source.readByte());
        int arity = fieldSerializers.length;
        Object[] fields = new Object[arity];
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = source.readUnsignedByte();
            for (int i = group; i < end; i++) {
                if ((mask & (1 << (i - group))) == 0) {
                    fields[i] = fieldSerializers[i].deserialize(source);
                }
            }
        }
        return Row.withNamedPositions(kind, fields, positionByName);
    }

    private void checkArity(Row row) {
        if (row.getArity() != fieldSerializers.length) {
            throw new IllegalArgumentException("Row " + row + " has " + row.getArity() + " fields, but its type has "
                    + fieldSerializers.length + ": " + Arrays.toString(fieldNames));
        }
    }

    private int positionOf(String name) {
        Integer pos = positionByName.get(name);
        if (pos == null) {
            throw new IllegalArgumentException("Row field '" + name + "' is not part of the row type, whose fields are "
                    + Arrays.toString(fieldNames));
        }
        return pos;
    }

    @Override
    public TypeSerializerSnapshot<Row> snapshotConfiguration() {
        return new Snapshot(this);
    }

    /**
     * The field names and the field serializers' snapshots. Rows are positional: renaming a field
     * keeps the data as is; a field added or removed is incompatible.
     */
    public static final class Snapshot extends CompositeTypeSerializerSnapshot<Row, RowSerializer> {
        private String[] fieldNames;

        public Snapshot() {}

        Snapshot(RowSerializer serializer) {
            super(serializer);
            this.fieldNames = serializer.fieldNames;
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected void writeOuterSnapshot(DataOutputView out) throws IOException {
            out.writeInt(fieldNames.length);
            for (String name : fieldNames) {
                out.writeUTF(name);
            }
        }

        @Override
        protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
                throws IOException {
            fieldNames = new String[in.readInt()];
            for (int i = 0; i < fieldNames.length; i++) {
                fieldNames[i] = in.readUTF();
            }
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(RowSerializer outerSerializer) {
            return outerSerializer.fieldSerializers;
        }

        @Override
        protected RowSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new RowSerializer(fieldNames, nestedSerializers);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RowSerializer other && Arrays.equals(other.fieldNames, fieldNames)
                && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fieldNames) + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "RowSerializer" + Arrays.toString(fieldSerializers);
    }
}
