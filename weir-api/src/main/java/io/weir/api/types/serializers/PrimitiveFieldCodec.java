package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.lang.reflect.Field;

/**
 * Reads, writes and copies one primitive field of a POJO without boxing it, in the bytes the
 * field's standard serializer ({@link IntSerializer}, {@link LongSerializer}, ...) gives its boxed
 * value, so data written either way reads either way. The field is accessed through
 * {@link Field#getInt} and its siblings: a method handle kept in an instance field (as
 * {@link io.weir.api.types.PojoField} has) is not constant to the JIT, and returns the value boxed.
 */
abstract class PrimitiveFieldCodec {
    final Field field;

    private PrimitiveFieldCodec(Field field) {
        this.field = field;
    }

    /** Writes the field's value in {@code pojo}. */
    abstract void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException;

    /** Reads a value into the field of {@code pojo}. */
    abstract void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException;

    /** Copies the field's value from one instance to another. */
    abstract void copy(Object from, Object to) throws IllegalAccessException;

    /**
     * The codec of a primitive field whose serializer is its type's standard one, or {@code null}
     * where the field is not primitive or has another serializer (which then keeps its own format).
     */
    static PrimitiveFieldCodec of(Field field, TypeSerializer<?> serializer) {
        Class<?> type = field.getType();
        if (type == int.class && serializer instanceof IntSerializer) {
            return new IntCodec(field);
        } else if (type == long.class && serializer instanceof LongSerializer) {
            return new LongCodec(field);
        } else if (type == double.class && serializer instanceof DoubleSerializer) {
            return new DoubleCodec(field);
        } else if (type == float.class && serializer instanceof FloatSerializer) {
            return new FloatCodec(field);
        } else if (type == boolean.class && serializer instanceof BooleanSerializer) {
            return new BooleanCodec(field);
        } else if (type == short.class && serializer instanceof ShortSerializer) {
            return new ShortCodec(field);
        } else if (type == byte.class && serializer instanceof ByteSerializer) {
            return new ByteCodec(field);
        } else if (type == char.class && serializer instanceof CharSerializer) {
            return new CharCodec(field);
        }
        return null;
    }

    private static final class IntCodec extends PrimitiveFieldCodec {
        IntCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeInt(field.getInt(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setInt(pojo, source.readInt());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setInt(to, field.getInt(from));
        }
    }

    private static final class LongCodec extends PrimitiveFieldCodec {
        LongCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeLong(field.getLong(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setLong(pojo, source.readLong());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setLong(to, field.getLong(from));
        }
    }

    private static final class DoubleCodec extends PrimitiveFieldCodec {
        DoubleCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeDouble(field.getDouble(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setDouble(pojo, source.readDouble());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setDouble(to, field.getDouble(from));
        }
    }

    private static final class FloatCodec extends PrimitiveFieldCodec {
        FloatCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeFloat(field.getFloat(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setFloat(pojo, source.readFloat());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setFloat(to, field.getFloat(from));
        }
    }

    private static final class BooleanCodec extends PrimitiveFieldCodec {
        BooleanCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeBoolean(field.getBoolean(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setBoolean(pojo, source.readBoolean());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setBoolean(to, field.getBoolean(from));
        }
    }

    private static final class ShortCodec extends PrimitiveFieldCodec {
        ShortCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeShort(field.getShort(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setShort(pojo, source.readShort());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setShort(to, field.getShort(from));
        }
    }

    private static final class ByteCodec extends PrimitiveFieldCodec {
        ByteCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeByte(field.getByte(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setByte(pojo, source.readByte());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setByte(to, field.getByte(from));
        }
    }

    private static final class CharCodec extends PrimitiveFieldCodec {
        CharCodec(Field field) {
            super(field);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException, IllegalAccessException {
            target.writeChar(field.getChar(pojo));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException, IllegalAccessException {
            field.setChar(pojo, source.readChar());
        }

        @Override
        void copy(Object from, Object to) throws IllegalAccessException {
            field.setChar(to, field.getChar(from));
        }
    }
}
