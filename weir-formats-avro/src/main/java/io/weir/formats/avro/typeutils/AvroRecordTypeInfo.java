package io.weir.formats.avro.typeutils;

import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;

/** What the two Avro types share: one record type, one schema, one {@link AvroSerializer}. */
abstract class AvroRecordTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final AvroDatumCodec<T> codec;

    AvroRecordTypeInfo(AvroDatumCodec<T> codec) {
        this.codec = codec;
    }

    public org.apache.avro.Schema getSchema() {
        return codec.schema();
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
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return codec.type();
    }

    /** Avro records implement equals and hashCode over their fields. */
    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new AvroSerializer<>(codec.duplicate());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "<" + codec.schema().getFullName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass()
                && ((AvroRecordTypeInfo<?>) obj).codec.schemaJson().equals(codec.schemaJson());
    }

    @Override
    public int hashCode() {
        return codec.schemaJson().hashCode();
    }
}
