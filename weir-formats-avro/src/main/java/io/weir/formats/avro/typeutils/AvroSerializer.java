package io.weir.formats.avro.typeutils;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;

/**
 * Serializes Avro records between tasks and in state, in Avro's binary encoding with a length prefix.
 * Its snapshot keeps the schema, so state written with one schema is read after the schema evolved
 * (Avro's resolution rules decide what "compatible" means).
 *
 * <p>Threading: one instance per thread; {@link #duplicate()} gives another.
 *
 * @param <T> {@code GenericRecord} or a generated record class
 */
public final class AvroSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final AvroDatumCodec<T> codec;

    public AvroSerializer(AvroDatumCodec<T> codec) {
        this.codec = codec;
    }

    AvroDatumCodec<T> codec() {
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return new AvroSerializer<>(codec.duplicate());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T createInstance() {
        return codec.isSpecific() ? (T) SpecificData.get().newRecord(null, codec.schema())
                : (T) new GenericData.Record(codec.schema());
    }

    @Override
    public T copy(T from) {
        return from == null ? null : codec.deepCopy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new AvroSerializerSnapshot<>(codec);
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        byte[] bytes = codec.encode(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return codec.decode(bytes);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof AvroSerializer<?> other && other.codec.type() == codec.type()
                && other.codec.schemaJson().equals(codec.schemaJson());
    }

    @Override
    public int hashCode() {
        return codec.schemaJson().hashCode();
    }
}
