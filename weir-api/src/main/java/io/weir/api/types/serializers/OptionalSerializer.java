package io.weir.api.types.serializers;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/** Serializes {@link Optional}s as a boolean that is true if a value is present, followed by the value. */
public final class OptionalSerializer<T> extends TypeSerializer<Optional<T>> {
    private static final long serialVersionUID = 1L;

    private final TypeSerializer<T> valueSerializer;

    public OptionalSerializer(TypeSerializer<T> valueSerializer) {
        this.valueSerializer = Objects.requireNonNull(valueSerializer, "value serializer");
    }

    public TypeSerializer<T> getValueSerializer() {
        return valueSerializer;
    }

    /** An Optional cannot change, so it is immutable exactly when its value is. */
    @Override
    public boolean isImmutableType() {
        return valueSerializer.isImmutableType();
    }

    @Override
    public TypeSerializer<Optional<T>> duplicate() {
        TypeSerializer<T> duplicate = valueSerializer.duplicate();
        return duplicate == valueSerializer ? this : new OptionalSerializer<>(duplicate);
    }

    @Override
    public Optional<T> createInstance() {
        return Optional.empty();
    }

    @Override
    public Optional<T> copy(Optional<T> from) {
        if (from == null || from.isEmpty() || valueSerializer.isImmutableType()) {
            return from;
        }
        return Optional.of(valueSerializer.copy(from.get()));
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Optional<T> record, DataOutputView target) throws IOException {
        target.writeBoolean(record.isPresent());
        if (record.isPresent()) {
            valueSerializer.serialize(record.get(), target);
        }
    }

    @Override
    public Optional<T> deserialize(DataInputView source) throws IOException {
        return source.readBoolean() ? Optional.of(valueSerializer.deserialize(source)) : Optional.empty();
    }

    @Override
    public TypeSerializerSnapshot<Optional<T>> snapshotConfiguration() {
        return new Snapshot<>(this);
    }

    /** The value serializer's snapshot. */
    public static final class Snapshot<T> extends CompositeTypeSerializerSnapshot<Optional<T>, OptionalSerializer<T>> {
        public Snapshot() {}

        Snapshot(OptionalSerializer<T> serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(OptionalSerializer<T> outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.valueSerializer};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected OptionalSerializer<T> createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new OptionalSerializer<>((TypeSerializer<T>) nestedSerializers[0]);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof OptionalSerializer<?> other && other.valueSerializer.equals(valueSerializer);
    }

    @Override
    public int hashCode() {
        return 31 * OptionalSerializer.class.getName().hashCode() + valueSerializer.hashCode();
    }

    @Override
    public String toString() {
        return "OptionalSerializer<" + valueSerializer + ">";
    }
}
