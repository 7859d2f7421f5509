package io.weir.api.types.serializers;

import io.weir.api.tuple.Tuple;
import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.util.Arrays;

/**
 * Serializes tuples as their fields one after the other, with nothing else: no header, no null
 * mask. A null field therefore cannot be written and fails with an error naming the field.
 *
 * <p>Subclasses of {@code Tuple0..Tuple25} are created with their public no-arg constructor.
 */
public final class TupleSerializer<T extends Tuple> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> tupleClass;
    private final TypeSerializer<Object>[] fieldSerializers;
    private final int length;
    private final boolean plainTuple;
    private transient MethodHandle constructor;

    @SuppressWarnings("unchecked")
    public TupleSerializer(Class<T> tupleClass, TypeSerializer<?>[] fieldSerializers) {
        this.tupleClass = tupleClass;
        this.fieldSerializers = (TypeSerializer<Object>[]) fieldSerializers.clone();
        int total = 0;
        for (TypeSerializer<?> serializer : fieldSerializers) {
            total = serializer.getLength() < 0 || total < 0 ? -1 : total + serializer.getLength();
        }
        this.length = total;
        this.plainTuple = tupleClass == Tuple.getTupleClass(fieldSerializers.length);
    }

    public Class<T> getTupleClass() {
        return tupleClass;
    }

    public TypeSerializer<?>[] getFieldSerializers() {
        return fieldSerializers.clone();
    }

    public int getArity() {
        return fieldSerializers.length;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        TypeSerializer<?>[] duplicates = CompositeSerializers.duplicateAll(fieldSerializers);
        return duplicates == null ? this : new TupleSerializer<>(tupleClass, duplicates);
    }

    @Override
    public T createInstance() {
        T tuple = instantiate();
        for (int i = 0; i < fieldSerializers.length; i++) {
            tuple.setField(fieldSerializers[i].createInstance(), i);
        }
        return tuple;
    }

    @Override
    public T copy(T from) {
        return copy(from, instantiate());
    }

    @Override
    public T copy(T from, T reuse) {
        for (int i = 0; i < fieldSerializers.length; i++) {
            Object value = from.getField(i);
            reuse.setField(value == null ? null : fieldSerializers[i].copy(value), i);
        }
        return reuse;
    }

    @Override
    public int getLength() {
        return length;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        for (int i = 0; i < fieldSerializers.length; i++) {
            Object value = record.getField(i);
            if (value == null) {
                throw new NullPointerException("Field f" + i + " of " + tupleClass.getSimpleName() + " " + record
                        + " is null, but tuple fields cannot be null. Use a record, a POJO or a Row for nullable "
                        + "fields, or wrap the field in Optional.");
            }
            fieldSerializers[i].serialize(value, target);
        }
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return deserialize(instantiate(), source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        if (reuse == null) {
            reuse = instantiate();
        }
        for (int i = 0; i < fieldSerializers.length; i++) {
            reuse.setField(fieldSerializers[i].deserialize(source), i);
        }
        return reuse;
    }

    @SuppressWarnings("unchecked")
    private T instantiate() {
        if (plainTuple) {
            return (T) Tuple.newInstance(fieldSerializers.length);
        }
        try {
            if (constructor == null) {
                Constructor<T> noArgs = tupleClass.getConstructor();
                noArgs.setAccessible(true); // the class may be nested in a non-public class
                constructor = MethodHandles.lookup().unreflectConstructor(noArgs)
                        .asType(MethodType.methodType(Object.class));
            }
            return (T) (Object) constructor.invokeExact();
        } catch (Throwable e) {
            throw new IllegalStateException("Cannot create " + tupleClass.getName()
                    + "; tuple subclasses need a public no-arg constructor", e);
        }
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /**
     * The tuple class and the field serializers' snapshots. Tuples have no field names, so a field
     * added or removed is incompatible; a field's type may evolve as its serializer allows.
     */
    public static final class Snapshot<T extends Tuple> extends CompositeTypeSerializerSnapshot<T, TupleSerializer<T>> {
        private Class<T> tupleClass;

        public Snapshot() {}

        Snapshot(TupleSerializer<T> serializer) {
            super(serializer);
            this.tupleClass = serializer.tupleClass;
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected void writeOuterSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(tupleClass.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
                throws IOException {
            tupleClass = (Class<T>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
        }

        @Override
        protected TypeSerializerSchemaCompatibility<T> resolveOuterSchemaCompatibility(
                CompositeTypeSerializerSnapshot<T, TupleSerializer<T>> oldSnapshot) {
            return ((Snapshot<T>) oldSnapshot).tupleClass.getName().equals(tupleClass.getName())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs() : TypeSerializerSchemaCompatibility.incompatible();
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(TupleSerializer<T> outerSerializer) {
            return outerSerializer.fieldSerializers;
        }

        @Override
        protected TupleSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new TupleSerializer<>(tupleClass, nestedSerializers);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TupleSerializer<?> other && other.tupleClass == tupleClass
                && Arrays.equals(other.fieldSerializers, fieldSerializers);
    }

    @Override
    public int hashCode() {
        return 31 * tupleClass.getName().hashCode() + Arrays.hashCode(fieldSerializers);
    }

    @Override
    public String toString() {
        return "TupleSerializer<" + tupleClass.getSimpleName() + Arrays.toString(fieldSerializers) + ">";
    }
}
