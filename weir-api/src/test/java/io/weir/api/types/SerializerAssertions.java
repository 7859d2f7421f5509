package io.weir.api.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Checks every serializer contract on a value: the round trip through the fast data views and
 * through plain stream-based views gives an equal value and the same bytes, the whole input is
 * consumed, fixed lengths hold, copies are equal (and distinct for mutable types), duplicates and
 * Java-serialized serializers are equal to the original.
 */
final class SerializerAssertions {
    private SerializerAssertions() {
    }

    /** Asserts the contracts and returns the deserialized value. */
    static <T> T assertRoundTrip(TypeSerializer<T> serializer, T value) {
        try {
            DataOutputSerializer out = new DataOutputSerializer(1);
            serializer.serialize(value, out);
            byte[] fast = out.getCopyOfBuffer();

            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            serializer.serialize(value, new StreamOutputView(stream));
            assertArrayEquals(fast, stream.toByteArray(), "the generic view path writes the same bytes");

            if (serializer.getLength() >= 0) {
                assertEquals(serializer.getLength(), fast.length, "fixed length");
            }
            DataInputDeserializer in = new DataInputDeserializer(fast);
            T read = serializer.deserialize(in);
            assertEquals(0, in.available(), "the whole record is consumed");
            assertDeepEquals(value, read);
            T readFromStream = serializer.deserialize(new StreamInputView(new ByteArrayInputStream(fast)));
            assertDeepEquals(value, readFromStream);

            T copy = serializer.copy(value);
            assertDeepEquals(value, copy);
            if (value != null && !serializer.isImmutableType()) {
                assertNotSame(value, copy, "a mutable value is copied");
            }
            assertEquals(serializer, serializer.duplicate());
            assertEquals(serializer.hashCode(), serializer.duplicate().hashCode());
            assertEquals(serializer, javaRoundTrip(serializer));
            return read;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> void assertDeepEquals(T expected, T actual) {
        assertTrue(Objects.deepEquals(expected, actual), () -> "expected " + expected + " but got " + actual);
    }

    static <T> void assertStateless(TypeSerializer<T> serializer) {
        assertSame(serializer, serializer.duplicate());
    }

    @SuppressWarnings("unchecked")
    static <T> T javaRoundTrip(T object) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(object);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("Java serialization of " + object + " failed", e);
        }
    }

    /** A data output view on a plain stream, to exercise the serializers' path for views other than ours. */
    static final class StreamOutputView extends DataOutputStream implements DataOutputView {
        StreamOutputView(OutputStream out) {
            super(out);
        }

        @Override
        public void write(DataInputView source, int numBytes) throws IOException {
            byte[] bytes = new byte[numBytes];
            source.readFully(bytes);
            write(bytes);
        }
    }

    /** A data input view on a plain stream. */
    static final class StreamInputView extends DataInputStream implements DataInputView {
        StreamInputView(InputStream in) {
            super(in);
        }
    }
}
