package io.weir.formats.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonSchemasTest {
    public record Payment(String card, long amountCents, List<String> tags) {}

    /** A POJO as Flink users write them: public fields and a no-argument constructor. */
    public static class Reading {
        public String sensor;
        public double value;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsRecordsAndPojosIgnoringUnknownFields() throws IOException {
        Payment payment = new JsonDeserializationSchema<>(Payment.class)
                .deserialize(utf8("{\"card\":\"4111\",\"amountCents\":1250,\"tags\":[\"web\"],\"extra\":true}"));
        assertEquals(new Payment("4111", 1250, List.of("web")), payment);

        Reading reading = new JsonDeserializationSchema<>(Reading.class).deserialize(utf8("{\"sensor\":\"s1\",\"value\":2.5}"));
        assertEquals("s1", reading.sensor);
        assertEquals(2.5, reading.value);
    }

    @Test
    void writesWhatItReads() throws IOException {
        Payment payment = new Payment("5500", 99, List.of("pos", "eu"));
        byte[] json = new JsonSerializationSchema<Payment>().serialize(payment);
        assertEquals("{\"card\":\"5500\",\"amountCents\":99,\"tags\":[\"pos\",\"eu\"]}", new String(json, StandardCharsets.UTF_8));
        assertEquals(payment, new JsonDeserializationSchema<>(Payment.class).deserialize(json));
    }

    @Test
    void readsAnyDocumentAsAJsonNode() throws IOException {
        JsonNode node = new JsonDeserializationSchema<>(JsonNode.class).deserialize(utf8("{\"a\":[1,2,{\"b\":null}]}"));
        assertEquals(2, node.get("a").get(1).asInt());
    }

    @Test
    void aBrokenDocumentIsAnIOExceptionWithItsPosition() {
        IOException e = assertThrows(IOException.class,
                () -> new JsonDeserializationSchema<>(Payment.class).deserialize(utf8("{\"card\":\"4111\",\n\"amountCents\": twelve}")));
        assertTrue(e.getMessage().contains("line: 2"), e.getMessage());
    }

    @Test
    void aNullMessageIsNoRecordAndTheTypeIsTheClass() throws IOException {
        JsonDeserializationSchema<Payment> schema = new JsonDeserializationSchema<>(Payment.class);
        assertNull(schema.deserialize(null));
        assertEquals(TypeInformation.of(Payment.class), schema.getProducedType());
    }
}
