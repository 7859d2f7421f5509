package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.RecordComponents;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Arrays;

/**
 * Serializes Java records as their components in declaration order, in groups of eight each led by
 * a byte whose bit {@code i} marks component {@code i} of the group as null. Records are read back
 * through the canonical constructor, so its validation runs.
 *
 * <p>A record is shallowly immutable: {@link #copy} returns its argument when every component type
 * is immutable, and otherwise a record with copied components.
 *
 * <p>A serializer restored from a {@link RecordSerializerSnapshot} reads the components the record
 * had when the data was written into the record class as it is now: a component it no longer has
 * is read and dropped, a component it gained gets null, or zero or false if it is primitive.
 */
public final class RecordSerializer<T extends Record> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> recordClass;
    private final RecordComponents components;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final boolean immutable;
    /** For a restored serializer: the component each written field is now, -1 if gone; else {@code null}. */
    private final int[] componentOfField;

    @SuppressWarnings("unchecked")
    public RecordSerializer(Class<T> recordClass, TypeSerializer<?>[] fieldSerializers) {
        this.recordClass = recordClass;
        this.components = RecordComponents.of(recordClass);
        if (components.size() != fieldSerializers.length) {
            throw new IllegalArgumentException(recordClass.getName() + " has " + components.size()
                    + " components, but " + fieldSerializers.length + " serializers were given");
        }
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        this.immutable = CompositeSerializers.allImmutable(fieldSerializers);
        this.componentOfField = null;
    }

    /** A serializer of fields written in an earlier shape of the record (see the class comment). */
    @SuppressWarnings("unchecked")
    RecordSerializer(Class<T> recordClass, TypeSerializer<?>[] writtenFieldSerializers, int[] componentOfField) {
        this.recordClass = recordClass;
        this.components = RecordComponents.of(recordClass);
        this.fieldSerializers = (TypeSerializer<Object>[]) writtenFieldSerializers.clone();
        this.immutable = false;
        this.componentOfField = componentOfField.clone();
    }

    Class<T> recordClass() {
        return recordClass;
    }

    RecordComponents components() {
        return components;
    }

    TypeSerializer<?>[] fieldSerializers() {
        return fieldSerializers.clone();
    }

    @Override
    public boolean isImmutableType() {
        return immutable;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = CompositeSerializers.duplicateAll(fieldSerializers);
        if (duplicates == null) {
            return this;
        }
        return componentOfField == null ? new RecordSerializer<>(recordClass, duplicates)
                : new RecordSerializer<>(recordClass, duplicates, componentOfField);
    }

    /** A record whose components are their serializers' empty instances, or null if the constructor refuses them. */
    @Override
    public T createInstance() {
        if (componentOfField != null) {
            return null;
        }
        Object[] values = new Object[fieldSerializers.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = fieldSerializers[i].createInstance();
        }
        try {
            return recordClass.cast(components.newRecord(values));
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public T copy(T from) {
        if (immutable || from == null || componentOfField != null) {
            return from; // a restored serializer only reads old data: records it makes are not shared
        }
        Object[] values = new Object[fieldSerializers.length];
        for (int i = 0; i < values.length; i++) {
            Object value = components.get(from, i);
            values[i] = value == null ? null : fieldSerializers[i].copy(value);
        }
        return recordClass.cast(components.newRecord(values));
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        int arity = fieldSerializers.length;
        if (target instanceof DataOutputSerializer out) {
            // Reads each component once: a component read is a method-handle call that boxes
            // primitives, so the group's null mask is reserved and filled in after its values.
            for (int group = 0; group < arity; group += 8) {
                int end = Math.min(group + 8, arity);
                int maskAt = out.length();
                out.writeByte(0);
                int mask = 0;
                for (int i = group; i < end; i++) {
                    Object value = fieldValue(record, i);
                    if (value == null) {
                        mask |= 1 << (i - group);
                    } else {
                        fieldSerializers[i].serialize(value, out);
                    }
                }
                if (mask != 0) {
                    out.getSharedBuffer()[maskAt] = (byte) mask;
                }
            }
            return;
        }
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (fieldValue(record, i) == null) {
                    mask |= 1 << (i - group);
                }
            }
            target.writeByte(mask);
            for (int i = group; i < end; i++) {
                Object value = fieldValue(record, i);
                if (value != null) {
                    fieldSerializers[i].serialize(value, target);
                }
            }
        }
    }

    private Object fieldValue(T record, int field) {
        if (componentOfField == null) {
            return components.get(record, field);
        }
        return componentOfField[field] < 0 ? null : components.get(record, componentOfField[field]);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        int arity = fieldSerializers.length;
        Object[] values = componentOfField == null ? new Object[arity] : components.initialValues();
        for (int group = 0; group < arity; group += 8) {
            int end = Math.min(group + 8, arity);
            int mask = source.readUnsignedByte();
            for (int i = group; i < end; i++) {
                if ((mask & (1 << (i - group))) == 0) {
                    Object value = fieldSerializers[i].deserialize(source);
                    int component = componentOfField == null ? i : componentOfField[i];
                    if (component >= 0) {
                        values[component] = value;
                    }
                }
            }
        }
        return recordClass.cast(components.newRecord(values));
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new RecordSerializerSnapshot<>(this);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof RecordSerializer<?> other && other.recordClass == recordClass
                && Arrays.equals(other.fieldSerializers, fieldSerializers)
                && Arrays.equals(other.componentOfField, componentOfField);
    }

    @Override
    public int hashCode() {
        return 31 * recordClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "RecordSerializer<" + recordClass.getSimpleName() + Arrays.toString(fieldSerializers) + ">";
    }
}
