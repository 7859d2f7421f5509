package io.weir.api.types.serializers;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSchemaCompatibility;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.Objects;

/**
 * Serializes arrays of objects, including null arrays and null elements: the int length (-1 for
 * null), then the elements in groups of eight, each group led by a byte whose bit {@code i} marks
 * element {@code i} of the group as null.
 */
public final class ObjectArraySerializer<C> extends TypeSerializer<C[]> {
    private static final long serialVersionUID = 1L;

    private final Class<C> componentClass;
    private final TypeSerializer<C> elementSerializer;

    public ObjectArraySerializer(Class<C> componentClass, TypeSerializer<C> elementSerializer) {
        this.componentClass = Objects.requireNonNull(componentClass, "component class");
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "element serializer");
    }

    public TypeSerializer<C> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<C[]> duplicate() {
        TypeSerializer<C> duplicate = elementSerializer.duplicate();
        return duplicate == elementSerializer ? this : new ObjectArraySerializer<>(componentClass, duplicate);
    }

    @Override
    public C[] createInstance() {
        return newArray(0);
    }

    @Override
    public C[] copy(C[] from) {
        if (from == null) {
            return null;
        }
        if (elementSerializer.isImmutableType()) {
            return from.clone();
        }
        C[] copy = newArray(from.length);
        for (int i = 0; i < from.length; i++) {
            copy[i] = from[i] == null ? null : elementSerializer.copy(from[i]);
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(C[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(-1);
            return;
        }
        int length = record.length;
        target.writeInt(length);
        for (int group = 0; group < length; group += 8) {
            int end = Math.min(group + 8, length);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (record[i] == null) {
                    mask |= 1 << (i - group);
                }
            }
            target.writeByte(mask);
            for (int i = group; i < end; i++) {
                if (record[i] != null) {
                    elementSerializer.serialize(record[i], target);
                }
            }
        }
    }

    @Override
    public C[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length < 0) {
            return null;
        }
        C[] array = newArray(length);
        for (int group = 0; group < length; group += 8) {
            int end = Math.min(group + 8, length);
            int mask = source.readUnsignedByte();
            for (int i = group; i < end; i++) {
                if ((mask & (1 << (i - group))) == 0) {
                    array[i] = elementSerializer.deserialize(source);
                }
            }
        }
        return array;
    }

    @SuppressWarnings("unchecked")
    private C[] newArray(int length) {
        return (C[]) Array.newInstance(componentClass, length);
    }

    @Override
    public TypeSerializerSnapshot<C[]> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** The component class and the element serializer's snapshot. */
    public static final class Snapshot<C> extends CompositeTypeSerializerSnapshot<C[], ObjectArraySerializer<C>> {
        private Class<C> componentClass;

        public Snapshot() {}

        Snapshot(ObjectArraySerializer<C> serializer) {
            super(serializer);
            this.componentClass = serializer.componentClass;
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected void writeOuterSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(componentClass.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        protected void readOuterSnapshot(int readOuterSnapshotVersion, DataInputView in, ClassLoader userCodeClassLoader)
                throws IOException {
            componentClass = (Class<C>) TypeSerializerSnapshot.loadClass(in.readUTF(), userCodeClassLoader);
        }

        @Override
        protected TypeSerializerSchemaCompatibility<C[]> resolveOuterSchemaCompatibility(
                CompositeTypeSerializerSnapshot<C[], ObjectArraySerializer<C>> oldSnapshot) {
            return ((Snapshot<C>) oldSnapshot).componentClass.getName().equals(componentClass.getName())
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs() : TypeSerializerSchemaCompatibility.incompatible();
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(ObjectArraySerializer<C> outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.elementSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ObjectArraySerializer<C> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new ObjectArraySerializer<>(componentClass, (TypeSerializer<C>) nestedSerializers[0]);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ObjectArraySerializer<?> other && other.componentClass == componentClass
                && other.elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * componentClass.getName().hashCode() + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ObjectArraySerializer<" + elementSerializer + ">";
    }
}
