package io.weir.api.types.serializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The POJO serializer's unboxed path for primitive fields: a POJO with one field of every primitive
 * type round-trips and copies, and its bytes are those of each field's standard serializer, so data
 * written before the unboxed path reads back unchanged.
 */
class PojoPrimitiveFieldsTest {
    /** One field of each primitive type, and two reference fields (one of them null) between them. */
    public static class AllPrimitives {
        public boolean flag;
        public byte small;
        public char letter;
        public String name;
        public short medium;
        public int count;
        public Integer missing;
        public long total;
        public float ratio;
        public double amount;

        public AllPrimitives() {}

        static AllPrimitives sample() {
            AllPrimitives p = new AllPrimitives();
            p.flag = true;
            p.small = -7;
            p.letter = 'ß';
            p.name = "pojo";
            p.medium = -12_345;
            p.count = 1 << 30;
            p.total = Long.MIN_VALUE + 3;
            p.ratio = 0.25f;
            p.amount = -1.5e300;
            return p;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof AllPrimitives p && flag == p.flag && small == p.small && letter == p.letter
                    && Objects.equals(name, p.name) && medium == p.medium && count == p.count
                    && Objects.equals(missing, p.missing) && total == p.total && ratio == p.ratio
                    && amount == p.amount;
        }

        @Override
        public int hashCode() {
            return Objects.hash(count, total);
        }
    }

    private static TypeSerializer<AllPrimitives> serializer() {
        TypeSerializer<AllPrimitives> serializer = TypeInformation.of(AllPrimitives.class)
                .createSerializer(new SerializerConfig());
        assertInstanceOf(PojoSerializer.class, serializer);
        return serializer;
    }

    @Test
    void everyPrimitiveFieldRoundTripsAndCopies() throws Exception {
        TypeSerializer<AllPrimitives> serializer = serializer();
        AllPrimitives sample = AllPrimitives.sample();
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(sample, out);
        assertEquals(sample, serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())));
        AllPrimitives copy = serializer.copy(sample);
        assertNotSame(sample, copy);
        assertEquals(sample, copy);
    }

    @Test
    void theBytesAreThoseOfTheStandardFieldSerializers() throws Exception {
        AllPrimitives sample = AllPrimitives.sample();
        DataOutputSerializer actual = new DataOutputSerializer(64);
        serializer().serialize(sample, actual);

        // the fields in the serializer's (alphabetical) order: amount, count, flag, letter, medium,
        // missing (null: bit 5 of the first mask), name, ratio | small, total
        DataOutputSerializer expected = new DataOutputSerializer(64);
        expected.writeByte(0); // an instance of exactly the POJO class
        expected.writeByte(1 << 5);
        DoubleSerializer.INSTANCE.serialize(sample.amount, expected);
        IntSerializer.INSTANCE.serialize(sample.count, expected);
        BooleanSerializer.INSTANCE.serialize(sample.flag, expected);
        CharSerializer.INSTANCE.serialize(sample.letter, expected);
        ShortSerializer.INSTANCE.serialize(sample.medium, expected);
        StringSerializer.INSTANCE.serialize(sample.name, expected);
        FloatSerializer.INSTANCE.serialize(sample.ratio, expected);
        expected.writeByte(0);
        ByteSerializer.INSTANCE.serialize(sample.small, expected);
        LongSerializer.INSTANCE.serialize(sample.total, expected);
        assertArrayEquals(expected.getCopyOfBuffer(), actual.getCopyOfBuffer());
    }
}
