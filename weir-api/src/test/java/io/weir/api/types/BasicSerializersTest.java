package io.weir.api.types;

import static io.weir.api.types.SerializerAssertions.assertRoundTrip;
import static io.weir.api.types.SerializerAssertions.assertStateless;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.api.types.serializers.StringSerializer;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Date;
import org.junit.jupiter.api.Test;

class BasicSerializersTest {
    private static final SerializerConfig CONFIG = new SerializerConfig();

    @SafeVarargs
    private static <T> void roundTripAll(TypeInformation<T> type, T... values) {
        TypeSerializer<T> serializer = type.createSerializer(CONFIG);
        assertStateless(serializer);
        for (T value : values) {
            assertRoundTrip(serializer, value);
        }
    }

    @Test
    void numbersAndBooleansRoundTripAtTheirExtremes() {
        roundTripAll(Types.BOOLEAN, true, false);
        roundTripAll(Types.BYTE, Byte.MIN_VALUE, (byte) 0, Byte.MAX_VALUE);
        roundTripAll(Types.SHORT, Short.MIN_VALUE, (short) -1, Short.MAX_VALUE);
        roundTripAll(Types.CHAR, '\0', 'a', '\uFFFF', '\uD83D');
        roundTripAll(Types.INT, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE);
        roundTripAll(Types.LONG, Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE);
        roundTripAll(Types.FLOAT, Float.MIN_VALUE, -0f, Float.NaN, Float.NEGATIVE_INFINITY, 3.5f);
        roundTripAll(Types.DOUBLE, Double.MIN_VALUE, -0d, Double.NaN, Double.POSITIVE_INFINITY, Math.PI);
        roundTripAll(Types.VOID, (Void) null);
    }

    @Test
    void bigNumbersRoundTripIncludingNull() {
        roundTripAll(Types.BIG_INT, BigInteger.ZERO, BigInteger.ONE.negate(),
                new BigInteger("123456789012345678901234567890"), null);
        roundTripAll(Types.BIG_DEC, BigDecimal.ZERO, new BigDecimal("-1234567890.0987654321"),
                new BigDecimal("1E+400"), null);
    }

    @Test
    void dateAndTimeValuesRoundTrip() {
        roundTripAll(Types.INSTANT, Instant.EPOCH, Instant.ofEpochSecond(-5, 999_999_999), Instant.MAX);
        roundTripAll(Types.DURATION, Duration.ZERO, Duration.ofSeconds(-3, 7), Duration.ofDays(40000));
        roundTripAll(Types.LOCAL_DATE, LocalDate.MIN, LocalDate.of(2024, 2, 29), LocalDate.MAX);
        roundTripAll(Types.LOCAL_TIME, LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_999));
        roundTripAll(Types.LOCAL_DATE_TIME, LocalDateTime.of(1969, 12, 31, 23, 59, 1, 5), LocalDateTime.MAX);
        Timestamp timestamp = new Timestamp(1_700_000_000_123L);
        timestamp.setNanos(123_456_789);
        roundTripAll(Types.SQL_TIMESTAMP, timestamp, new Timestamp(-1));
        roundTripAll(Types.SQL_DATE, new java.sql.Date(86_400_000L));
        roundTripAll(Types.SQL_TIME, new java.sql.Time(3_600_000L));
        roundTripAll(TypeExtractor.createTypeInfo(Date.class), new Date(42));
    }

    @Test
    void mutableDateValuesAreCopiedButImmutableOnesAreShared() {
        Timestamp timestamp = new Timestamp(5);
        assertNotSame(timestamp, Types.SQL_TIMESTAMP.createSerializer(CONFIG).copy(timestamp));
        Instant instant = Instant.now();
        assertSame(instant, Types.INSTANT.createSerializer(CONFIG).copy(instant));
    }

    @Test
    void stringsRoundTripInAllForms() {
        String ascii = "hello";
        String latin1 = "Grüße, señor, ÿ";
        String surrogatePairs = "emoji \uD83D\uDE00 and \uD835\uDC00 math";
        String loneSurrogates = "broken \uD800 and \uDC00 halves";
        String withNul = "a\0b";
        String longNonAscii = "日本語テキスト\uD83D\uDE00".repeat(20_000); // > 64 KB when encoded
        roundTripAll(Types.STRING, "", ascii, latin1, surrogatePairs, loneSurrogates, withNul, longNonAscii,
                "x".repeat(100_000), null);
    }

    @Test
    void shortAsciiStringsTakeOneByteOfHeader() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        StringSerializer.INSTANCE.serialize("hello", out);
        assertEquals(6, out.length());
        out.clear();
        StringSerializer.INSTANCE.serialize(null, out);
        assertEquals(1, out.length());
    }

    @Test
    void nonLatin1CharsTakeOneToThreeBytes() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        StringSerializer.INSTANCE.serialize("a\u0100\u4E00", out); // 1 + 2 + 3 bytes
        assertEquals(1 + 6, out.length());
    }

    @Test
    void truncatedStringFailsWithEof() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);
        StringSerializer.INSTANCE.serialize("\u4E00\u4E01", out);
        byte[] truncated = Arrays.copyOf(out.getSharedBuffer(), out.length() - 1);
        assertThrows(EOFException.class,
                () -> StringSerializer.INSTANCE.deserialize(new DataInputDeserializer(truncated)));
    }

    @Test
    void stringNullRoundTripsAsNull() throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(4);
        StringEncoding.writeString(null, out);
        assertNull(StringEncoding.readString(new DataInputDeserializer(out.getCopyOfBuffer())));
    }
}
