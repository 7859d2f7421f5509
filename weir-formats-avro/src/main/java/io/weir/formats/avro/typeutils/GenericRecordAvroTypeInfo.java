package io.weir.formats.avro.typeutils;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * The type of {@link GenericRecord}s of one schema, serialized with Avro (not the generic fallback,
 * which cannot serialize a record's schema). Give it to a stream of generic records that Weir cannot
 * infer: {@code .returns(new GenericRecordAvroTypeInfo(schema))}; {@code AvroDeserializationSchema}
 * gives it by itself.
 */
public final class GenericRecordAvroTypeInfo extends AvroRecordTypeInfo<GenericRecord> {
    private static final long serialVersionUID = 1L;

    public GenericRecordAvroTypeInfo(Schema schema) {
        super(AvroDatumCodec.forGeneric(schema));
    }
}
