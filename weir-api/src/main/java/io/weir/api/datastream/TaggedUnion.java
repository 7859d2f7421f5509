package io.weir.api.datastream;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Objects;

/**
 * An element of either of two streams, marked with the stream it came from: how a window coGroup
 * or join runs both inputs through one keyed window. Exactly one of the two values is set.
 */
public final class TaggedUnion<T1, T2> {
    private final T1 one;
    private final T2 two;

    private TaggedUnion(T1 one, T2 two) {
        this.one = one;
        this.two = two;
    }

    public static <T1, T2> TaggedUnion<T1, T2> one(T1 one) {
        return new TaggedUnion<>(Objects.requireNonNull(one, "element of the first input"), null);
    }

    public static <T1, T2> TaggedUnion<T1, T2> two(T2 two) {
        return new TaggedUnion<>(null, Objects.requireNonNull(two, "element of the second input"));
    }

    public boolean isOne() {
        return one != null;
    }

    public T1 getOne() {
        return one;
    }

    public T2 getTwo() {
        return two;
    }

    public boolean isTwo() {
        return two != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaggedUnion<?, ?> other && Objects.equals(other.one, one) && Objects.equals(other.two, two);
    }

    @Override
    public int hashCode() {
        return Objects.hash(one, two);
    }

    @Override
    public String toString() {
        return isOne() ? "One(" + one + ")" : "Two(" + two + ")";
    }

    /** The type of tagged unions of two types. */
    static final class UnionTypeInfo<T1, T2> extends TypeInformation<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        private final TypeInformation<T1> oneType;
        private final TypeInformation<T2> twoType;

        UnionTypeInfo(TypeInformation<T1> oneType, TypeInformation<T2> twoType) {
            this.oneType = oneType;
            this.twoType = twoType;
        }

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 2;
        }

        @Override
        public int getTotalFields() {
            return 2;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Class<TaggedUnion<T1, T2>> getTypeClass() {
            return (Class) TaggedUnion.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> createSerializer(SerializerConfig config) {
            return new UnionSerializer<>(oneType.createSerializer(config), twoType.createSerializer(config));
        }

        @Override
        public String toString() {
            return "TaggedUnion<" + oneType + ", " + twoType + ">";
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionTypeInfo<?, ?> o && o.oneType.equals(oneType) && o.twoType.equals(twoType);
        }

        @Override
        public int hashCode() {
            return 31 * oneType.hashCode() + twoType.hashCode();
        }
    }

    /** Writes a tag byte (0: first input, 1: second) and the value with its input's serializer. */
    static final class UnionSerializer<T1, T2> extends TypeSerializer<TaggedUnion<T1, T2>> {
        private static final long serialVersionUID = 1L;

        private final TypeSerializer<T1> oneSerializer;
        private final TypeSerializer<T2> twoSerializer;

        UnionSerializer(TypeSerializer<T1> oneSerializer, TypeSerializer<T2> twoSerializer) {
            this.oneSerializer = oneSerializer;
            this.twoSerializer = twoSerializer;
        }

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public TypeSerializer<TaggedUnion<T1, T2>> duplicate() {
            return new UnionSerializer<>(oneSerializer.duplicate(), twoSerializer.duplicate());
        }

        @Override
        public TaggedUnion<T1, T2> createInstance() {
            return null;
        }

        @Override
        public TaggedUnion<T1, T2> copy(TaggedUnion<T1, T2> from) {
            return from.isOne() ? one(oneSerializer.copy(from.one)) : two(twoSerializer.copy(from.two));
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(TaggedUnion<T1, T2> record, DataOutputView target) throws IOException {
            if (record.isOne()) {
                target.writeByte(0);
                oneSerializer.serialize(record.one, target);
            } else {
                target.writeByte(1);
                twoSerializer.serialize(record.two, target);
            }
        }

        @Override
        public TaggedUnion<T1, T2> deserialize(DataInputView source) throws IOException {
            byte tag = source.readByte();
            return tag == 0 ? one(oneSerializer.deserialize(source)) : two(twoSerializer.deserialize(source));
        }

        @Override
        public TypeSerializerSnapshot<TaggedUnion<T1, T2>> snapshotConfiguration() {
            return new Snapshot<>(this);
        }

        /** The two inputs' serializer snapshots. */
        static final class Snapshot<T1, T2>
                extends CompositeTypeSerializerSnapshot<TaggedUnion<T1, T2>, UnionSerializer<T1, T2>> {
            Snapshot() {}

            Snapshot(UnionSerializer<T1, T2> serializer) {
                super(serializer);
            }

            @Override
            protected int getCurrentOuterSnapshotVersion() {
                return 1;
            }

            @Override
            protected TypeSerializer<?>[] getNestedSerializers(UnionSerializer<T1, T2> outerSerializer) {
                return new TypeSerializer<?>[] {outerSerializer.oneSerializer, outerSerializer.twoSerializer};
            }

            @Override
            @SuppressWarnings("unchecked")
            protected UnionSerializer<T1, T2> createOuterSerializerWithNestedSerializers(
                    TypeSerializer<?>[] nestedSerializers) {
                return new UnionSerializer<>((TypeSerializer<T1>) nestedSerializers[0],
                        (TypeSerializer<T2>) nestedSerializers[1]);
            }
        }

        @Override
        public boolean equals(Object obj) {
            return obj instanceof UnionSerializer<?, ?> o && o.oneSerializer.equals(oneSerializer)
                    && o.twoSerializer.equals(twoSerializer);
        }

        @Override
        public int hashCode() {
            return 31 * oneSerializer.hashCode() + twoSerializer.hashCode();
        }
    }
}
