package io.weir.api.types.serializers;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Serializes lists, including null elements, in the format of {@link ObjectArraySerializer} (an int
 * size, then groups of eight elements each led by a null-mask byte). Reads into {@link ArrayList}s.
 */
public final class ListSerializer<T> extends TypeSerializer<List<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> elementSerializer;

    public ListSerializer(TypeSerializer<T> elementSerializer) {
        this.elementSerializer = Objects.requireNonNull(elementSerializer, "element serializer");
    }

    public TypeSerializer<T> getElementSerializer() {
        return elementSerializer;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<List<T>> duplicate() {
        TypeSerializer<T> duplicate = elementSerializer.duplicate();
        return duplicate == elementSerializer ? this : new ListSerializer<>(duplicate);
    }

    @Override
    public List<T> createInstance() {
        return new ArrayList<>();
    }

    @Override
    public List<T> copy(List<T> from) {
        if (from == null) {
            return null;
        }
        List<T> copy = new ArrayList<>(from.size());
        boolean immutable = elementSerializer.isImmutableType();
        for (T element : from) {
            copy.add(immutable || element == null ? element : elementSerializer.copy(element));
        }
        return copy;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void serialize(List<T> record, DataOutputView target) throws IOException {
        if (!(record instanceof RandomAccess)) {
            record = (List<T>) Arrays.asList(record.toArray()); // index access below must be cheap; rare case
        }
        int size = record.size();
        target.writeInt(size);
        for (int group = 0; group < size; group += 8) {
            int end = Math.min(group + 8, size);
            int mask = 0;
            for (int i = group; i < end; i++) {
                if (record.get(i) == null) {
                    mask |= 1 << (i - group);
                }
            }
            target.writeByte(mask);
            for (int i = group; i < end; i++) {
                T element = record.get(i);
                if (element != null) {
                    elementSerializer.serialize(element, target);
                }
            }
        }
    }

    @Override
    public List<T> deserialize(DataInputView source) throws IOException {
        int size = source.readInt();
        List<T> list = new ArrayList<>(Math.min(size, 1 << 16));
        for (int group = 0; group < size; group += 8) {
            int end = Math.min(group + 8, size);
            int mask = source.readUnsignedByte();
            for (int i = group; i < end; i++) {
                list.add((mask & (1 << (i - group))) == 0 ? elementSerializer.deserialize(source) : null);
            }
        }
        return list;
    }

    @Override
    public TypeSerializerSnapshot<List<T>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** The element serializer's snapshot. */
    public static final class Snapshot<T> extends CompositeTypeSerializerSnapshot<List<T>, ListSerializer<T>> {
        public Snapshot() {}

        Snapshot(ListSerializer<T> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(ListSerializer<T> outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.elementSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected ListSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new ListSerializer<>((TypeSerializer<T>) nestedSerializers[0]);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof ListSerializer<?> other && other.elementSerializer.equals(elementSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * ListSerializer.class.getName().hashCode() + elementSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "ListSerializer<" + elementSerializer + ">";
    }
}
