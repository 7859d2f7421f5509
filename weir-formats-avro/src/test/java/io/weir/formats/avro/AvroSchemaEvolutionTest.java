package io.weir.formats.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import io.weir.formats.avro.table.AvroFormatFactory;
import io.weir.sql.api.ValidationException;
import io.weir.sql.connectors.formats.FormatFactory;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * Avro schema evolution without a registry: messages written with one schema (the writer's) read
 * with another (the reader's), with the writer's schema given to the DataStream schema or to SQL's
 * {@code 'avro.writer-schema'}. Added fields take their defaults, removed fields are skipped, numbers
 * widen; schemas Avro cannot resolve fail when the schema or table is built, naming the field.
 */
class AvroSchemaEvolutionTest {
    /** Version 1, as an old producer writes it: an int id, a field that version 2 dropped, a nested record. */
    private static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "int"},
              {"name": "name", "type": "string"},
              {"name": "fax", "type": "string"},
              {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                {"name": "city", "type": "string"},
                {"name": "zip", "type": "string"}]}}]}
            """);
    /** Version 2, as the job reads: the id widened to long, fax removed, country added with a default. */
    private static final Schema V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
              {"name": "id", "type": "long"},
              {"name": "name", "type": "string"},
              {"name": "country", "type": "string", "default": "NL"},
              {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                {"name": "city", "type": "string"}]}}]}
            """);

    private static byte[] writeV1(int id, String name) {
        GenericRecord address = new GenericData.Record(V1.getField("address").schema());
        address.put("city", "Delft");
        address.put("zip", "2611");
        GenericRecord customer = new GenericData.Record(V1);
        customer.put("id", id);
        customer.put("name", name);
        customer.put("fax", "+31 15 000");
        customer.put("address", address);
        return AvroSerializationSchema.forGeneric(V1).serialize(customer);
    }

    @Test
    void aReaderSchemaWithAnAddedAndARemovedFieldReadsRecordsOfTheWriterSchema() throws Exception {
        AvroDeserializationSchema<GenericRecord> schema = AvroDeserializationSchema.forGeneric(V2, V1);
        GenericRecord read = schema.deserialize(writeV1(7, "Ada"));

        assertEquals(V2, read.getSchema());
        assertEquals(7L, read.get("id"), "int widened to long");
        assertEquals("Ada", read.get("name").toString());
        assertEquals("NL", read.get("country").toString(), "the added field takes its default");
        assertNull(read.getSchema().getField("fax"), "the removed field is skipped");
        assertEquals("Delft", ((GenericRecord) read.get("address")).get("city").toString());
        assertNull(((GenericRecord) read.get("address")).getSchema().getField("zip"));
        assertEquals(V2, schema.getProducedType().createSerializer(null).copy(read).getSchema(),
                "the records travel with the reader's schema");
    }

    @Test
    void anOlderReaderReadsRecordsOfANewerWriter() throws Exception {
        Schema v3 = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
                  {"name": "id", "type": "long"},
                  {"name": "loyalty", "type": ["null", "int"], "default": null},
                  {"name": "name", "type": "string"},
                  {"name": "country", "type": "string", "default": "NL"},
                  {"name": "address", "type": {"type": "record", "name": "Address", "fields": [
                    {"name": "city", "type": "string"}]}}]}
                """);
        GenericRecord address = new GenericData.Record(v3.getField("address").schema());
        address.put("city", "Gouda");
        GenericRecord customer = new GenericData.Record(v3);
        customer.put("id", 9L);
        customer.put("loyalty", 3);
        customer.put("name", "Grace");
        customer.put("country", "BE");
        customer.put("address", address);
        byte[] message = AvroSerializationSchema.forGeneric(v3).serialize(customer);

        GenericRecord read = AvroDeserializationSchema.forGeneric(V2, v3).deserialize(message);
        assertEquals(9L, read.get("id"));
        assertEquals("Grace", read.get("name").toString());
        assertEquals("BE", read.get("country").toString(), "a field both have keeps the writer's value");
        assertNull(read.getSchema().getField("loyalty"));
    }

    @Test
    void schemasAvroCannotResolveFailWhenTheSchemaIsBuiltNamingTheField() {
        Schema noDefault = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
                  {"name": "id", "type": "long"},
                  {"name": "vip", "type": "boolean"}]}
                """);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AvroDeserializationSchema.forGeneric(noDefault, V1));
        assertTrue(e.getMessage().contains("vip") && e.getMessage().contains("needs a default"), e.getMessage());

        Schema narrowed = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "namespace": "com.acme", "fields": [
                  {"name": "name", "type": "int"}]}
                """);
        e = assertThrows(IllegalArgumentException.class, () -> AvroDeserializationSchema.forGeneric(narrowed, V1));
        assertTrue(e.getMessage().contains("/fields/0/type") || e.getMessage().contains("name"), e.getMessage());
    }

    @Test
    void withoutTheWriterSchemaAMessageOfAnotherSchemaIsABadRecordThatSaysWhatToDo() {
        // V1's message read as a record of just (id long): bytes are left over
        Schema idOnly = new Schema.Parser().parse("""
                {"type": "record", "name": "Customer", "fields": [{"name": "id", "type": "long"}]}
                """);
        Exception e = assertThrows(java.io.IOException.class,
                () -> AvroDeserializationSchema.forGeneric(idOnly).deserialize(writeV1(1, "x")));
        assertTrue(e.getMessage().contains("Give that one as the writer schema"), e.getMessage());
    }

    // ---- SQL: 'format' = 'avro' with 'avro.writer-schema'

    private static final RowTypeInfo TABLE = new RowTypeInfo(
            new TypeInformation<?>[] {Types.LONG, Types.STRING, Types.STRING,
                    new RowTypeInfo(new TypeInformation<?>[] {Types.STRING}, new String[] {"city"})},
            new String[] {"id", "name", "country", "address"});

    private static DeserializationSchema<Row> sqlDeserializer(Map<String, String> options) {
        return new AvroFormatFactory().createDeserializer(new FormatFactory.Context("customers", "avro", TABLE, options));
    }

    @Test
    void sqlReadsRowsOfTheWriterSchemaGivenByOption() throws Exception {
        DeserializationSchema<Row> deserializer = sqlDeserializer(Map.of("writer-schema", V1.toString()));
        Row row = deserializer.deserialize(writeV1(7, "Ada"));
        assertEquals(Row.of(7L, "Ada", null, Row.of("Delft")), row,
                "id widened, fax and zip skipped, country (not written) null");
    }

    @Test
    void sqlWithoutTheOptionCannotReadTheWritersRecords() {
        Exception e = assertThrows(java.io.IOException.class,
                () -> sqlDeserializer(Map.of()).deserialize(writeV1(7, "Ada")));
        assertTrue(e.getMessage().contains("Not an Avro record of schema record"), e.getMessage());
    }

    @Test
    void aBadWriterSchemaOptionFailsTheTableNamingTheOption() {
        ValidationException notJson = assertThrows(ValidationException.class,
                () -> sqlDeserializer(Map.of("writer-schema", "{\"type\": \"record\"")));
        assertTrue(notJson.getMessage().contains("customers") && notJson.getMessage().contains("'avro.writer-schema'")
                && notJson.getMessage().contains("is not an Avro schema"), notJson.getMessage());

        ValidationException notRecord = assertThrows(ValidationException.class,
                () -> sqlDeserializer(Map.of("writer-schema", "\"string\"")));
        assertTrue(notRecord.getMessage().contains("must be a record schema"), notRecord.getMessage());

        String nameIsAnInt = """
                {"type": "record", "name": "Customer", "fields": [
                  {"name": "id", "type": "long"}, {"name": "name", "type": "int"}]}
                """;
        ValidationException mismatch = assertThrows(ValidationException.class,
                () -> sqlDeserializer(Map.of("writer-schema", nameIsAnInt)));
        assertTrue(mismatch.getMessage().contains("'avro.writer-schema'")
                && mismatch.getMessage().contains("cannot be read"), mismatch.getMessage());
    }
}
