package io.weir.runtime.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.Types;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KryoSerializerTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();

    /** No no-arg constructor, final fields: not a POJO, so generic. */
    static final class Money {
        private final String currency;
        private final long cents;
        private final List<String> notes;

        Money(String currency, long cents, List<String> notes) {
            this.currency = currency;
            this.cents = cents;
            this.notes = notes;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money m && currency.equals(m.currency) && cents == m.cents
                    && Objects.equals(notes, m.notes);
        }

        @Override
        public int hashCode() {
            return Objects.hash(currency, cents, notes);
        }
    }

    /** A type used only by the warning test, so that no other test has warned about it yet. */
    static final class OnlyForTheWarningTest {
        int value;
    }

    /** A POJO with a field of an interface type, which needs the generic serializer. */
    public static class Envelope {
        public String id;
        public CharSequence body;
    }

    /** Writes Money as a fixed marker, to prove that configured default serializers are used. */
    public static class MoneyAsMarker extends Serializer<Money> {
        @Override
        public void write(Kryo kryo, Output output, Money money) {
            output.writeString("marker");
        }

        @Override
        public Money read(Kryo kryo, Input input, Class<? extends Money> type) {
            return new Money(input.readString(), 0, null);
        }
    }

    private static <T> byte[] serialize(TypeSerializer<T> serializer, List<T> values) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        for (T value : values) {
            serializer.serialize(value, out);
        }
        return out.getCopyOfBuffer();
    }

    private static <T> List<T> deserialize(TypeSerializer<T> serializer, byte[] bytes, int count) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<T> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add(serializer.deserialize(in));
        }
        assertEquals(0, in.available(), "each record reads exactly its own bytes");
        return values;
    }

    @Test
    void genericTypesFindTheKryoSerializerThroughTheServiceLoader() {
        TypeSerializer<Money> serializer = TypeInformation.of(Money.class).createSerializer(CONFIG);
        assertInstanceOf(KryoSerializer.class, serializer);
    }

    @Test
    void classWithoutNoArgConstructorRoundTripsAndCopies() throws IOException {
        TypeSerializer<Money> serializer = TypeInformation.of(Money.class).createSerializer(CONFIG);
        List<Money> values = List.of(new Money("EUR", 1250, new ArrayList<>(List.of("a"))),
                new Money("JPY", -1, null), new Money("日本円", Long.MAX_VALUE, List.of()));
        assertEquals(values, deserialize(serializer, serialize(serializer, values), values.size()));
        Money copy = serializer.copy(values.get(0));
        assertEquals(values.get(0), copy);
        assertNotSame(values.get(0), copy);
        assertNotSame(values.get(0).notes, copy.notes);
        assertNotNull(serializer.createInstance());
    }

    @Test
    void duplicatesAreIndependentAndEqual() throws IOException {
        TypeSerializer<Money> serializer = TypeInformation.of(Money.class).createSerializer(CONFIG);
        TypeSerializer<Money> duplicate = serializer.duplicate();
        assertNotSame(serializer, duplicate);
        assertEquals(serializer, duplicate);
        Money money = new Money("USD", 5, null);
        byte[] first = serialize(serializer, List.of(money));
        byte[] second = serialize(duplicate, List.of(money));
        assertEquals(List.of(money), deserialize(duplicate, first, 1));
        assertEquals(List.of(money), deserialize(serializer, second, 1));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void theSerializersOwnTypeIsWrittenWithAnIdAndDataWrittenByNameStillReads() throws IOException {
        Money money = new Money("USD", 5, null);
        KryoSerializer<Object> anyObject = new KryoSerializer<>(Object.class, new SerializerConfig());
        byte[] byName = serialize(anyObject, List.of(money)); // Object is not registered: the class name is written
        KryoSerializer<Money> own = new KryoSerializer<>(Money.class, new SerializerConfig());
        byte[] withId = serialize(own, List.of(money));
        assertTrue(withId.length + Money.class.getName().length() - 2 <= byName.length,
                "the id replaces the name: " + withId.length + " vs " + byName.length);
        assertEquals(List.of(money), deserialize(own, withId, 1));
        assertEquals(List.of(money), deserialize(own, byName, 1), "data written by name reads");
        assertEquals(List.of(money), deserialize((TypeSerializer) own.snapshotConfiguration().restoreSerializer(),
                withId, 1), "a serializer restored from the snapshot agrees on the id");
    }

    @Test
    void registeredTypesAreWrittenWithAnIdInsteadOfTheirName() throws IOException {
        Money money = new Money("USD", 5, null);
        byte[] unregistered = serialize(new KryoSerializer<>(Object.class, new SerializerConfig()), List.of(money));
        KryoSerializer<Object> registered = new KryoSerializer<>(Object.class,
                new SerializerConfig().registerKryoType(Money.class));
        byte[] withId = serialize(registered, List.of(money));
        assertTrue(withId.length < unregistered.length, withId.length + " < " + unregistered.length);
        assertEquals(List.of(money), deserialize(registered, withId, 1));
    }

    @Test
    void configuredDefaultSerializersAreUsed() throws IOException {
        SerializerConfig config = new SerializerConfig().addDefaultKryoSerializer(Money.class, MoneyAsMarker.class);
        KryoSerializer<Money> serializer = new KryoSerializer<>(Money.class, config);
        Money read = deserialize(serializer, serialize(serializer, List.of(new Money("USD", 5, null))), 1).get(0);
        assertEquals("marker", read.currency);
        KryoSerializer<Money> wrong = new KryoSerializer<>(Money.class,
                new SerializerConfig().addDefaultKryoSerializer(Money.class, String.class));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> serialize(wrong, List.of(new Money("USD", 5, null))));
        assertTrue(e.getMessage().contains("java.lang.String for " + Money.class.getName() + " is not a subclass"));
    }

    @Test
    void pojoFieldsOfGenericTypesUseKryo() throws IOException {
        TypeSerializer<Envelope> serializer = TypeInformation.of(Envelope.class).createSerializer(CONFIG);
        Envelope envelope = new Envelope();
        envelope.id = "e1";
        envelope.body = new StringBuilder("hello");
        Envelope read = deserialize(serializer, serialize(serializer, List.of(envelope)), 1).get(0);
        assertEquals("e1", read.id);
        assertEquals("hello", read.body.toString());
    }

    @Test
    void disabledGenericTypesNeverReachKryo() {
        SerializerConfig config = new SerializerConfig().setGenericTypes(false);
        Exception e = assertThrows(RuntimeException.class, () -> Types.GENERIC(Money.class).createSerializer(config));
        assertTrue(e.getMessage().contains(Money.class.getName()), e.getMessage());
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        KryoSerializer<Money> serializer = new KryoSerializer<>(Money.class, CONFIG);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(serializer);
        }
        @SuppressWarnings("unchecked")
        KryoSerializer<Money> restored = (KryoSerializer<Money>) new ObjectInputStream(
                new ByteArrayInputStream(bytes.toByteArray())).readObject();
        assertEquals(serializer, restored);
        Money money = new Money("CHF", 3, null);
        assertEquals(List.of(money), deserialize(restored, serialize(restored, List.of(money)), 1));
    }

    @Test
    void warnsOncePerTypeNamingItAndTheFix() {
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            KryoSerializerFactory factory = new KryoSerializerFactory();
            factory.create(OnlyForTheWarningTest.class, CONFIG);
            factory.create(OnlyForTheWarningTest.class, CONFIG);
            TypeInformation.of(OnlyForTheWarningTest.class).createSerializer(CONFIG);
        } finally {
            System.setErr(originalErr);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        String name = OnlyForTheWarningTest.class.getName();
        assertEquals(1, log.split(Pattern.quote(name), -1).length - 1, log);
        assertTrue(log.contains("WARN"), log);
        assertTrue(log.contains("Make it a POJO"), log);
        assertFalse(KryoSerializerFactory.warnOnce(OnlyForTheWarningTest.class));
    }
}
