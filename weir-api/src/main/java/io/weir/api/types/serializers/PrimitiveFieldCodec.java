package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;

/**
 * Reads, writes and copies one primitive field of a POJO without boxing it, in the bytes the
 * field's standard serializer ({@link IntSerializer}, {@link LongSerializer}, ...) gives its boxed
 * value, so data written either way reads either way. The field is accessed through the POJO's
 * {@link PojoFieldAccess} ({@code getInt} and its siblings), which is generated code where it can be.
 */
abstract class PrimitiveFieldCodec {
    final PojoFieldAccess access;
    final int index;

    private PrimitiveFieldCodec(PojoFieldAccess access, int index) {
        this.access = access;
        this.index = index;
    }

    /** Writes the field's value in {@code pojo}. */
    abstract void write(Object pojo, DataOutputView target) throws IOException;

    /** Reads a value into the field of {@code pojo}. */
    abstract void read(Object pojo, DataInputView source) throws IOException;

    /** Copies the field's value from one instance to another. */
    abstract void copy(Object from, Object to);

    /**
     * The codec of a primitive field whose serializer is its type's standard one, or {@code null}
     * where the field is not primitive or has another serializer (which then keeps its own format).
     *
     * @param type the field's type
     * @param index the field's index, as {@code access} knows it
     */
    static PrimitiveFieldCodec of(Class<?> type, TypeSerializer<?> serializer, PojoFieldAccess access, int index) {
        if (type == int.class && serializer instanceof IntSerializer) {
            return new IntCodec(access, index);
        } else if (type == long.class && serializer instanceof LongSerializer) {
            return new LongCodec(access, index);
        } else if (type == double.class && serializer instanceof DoubleSerializer) {
            return new DoubleCodec(access, index);
        } else if (type == float.class && serializer instanceof FloatSerializer) {
            return new FloatCodec(access, index);
        } else if (type == boolean.class && serializer instanceof BooleanSerializer) {
            return new BooleanCodec(access, index);
        } else if (type == short.class && serializer instanceof ShortSerializer) {
            return new ShortCodec(access, index);
        } else if (type == byte.class && serializer instanceof ByteSerializer) {
            return new ByteCodec(access, index);
        } else if (type == char.class && serializer instanceof CharSerializer) {
            return new CharCodec(access, index);
        }
        return null;
    }

    private static final class IntCodec extends PrimitiveFieldCodec {
        IntCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeInt(access.getInt(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setInt(pojo, index, source.readInt());
        }

        @Override
        void copy(Object from, Object to) {
            access.setInt(to, index, access.getInt(from, index));
        }
    }

    private static final class LongCodec extends PrimitiveFieldCodec {
        LongCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeLong(access.getLong(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setLong(pojo, index, source.readLong());
        }

        @Override
        void copy(Object from, Object to) {
            access.setLong(to, index, access.getLong(from, index));
        }
    }

    private static final class DoubleCodec extends PrimitiveFieldCodec {
        DoubleCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeDouble(access.getDouble(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setDouble(pojo, index, source.readDouble());
        }

        @Override
        void copy(Object from, Object to) {
            access.setDouble(to, index, access.getDouble(from, index));
        }
    }

    private static final class FloatCodec extends PrimitiveFieldCodec {
        FloatCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeFloat(access.getFloat(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setFloat(pojo, index, source.readFloat());
        }

        @Override
        void copy(Object from, Object to) {
            access.setFloat(to, index, access.getFloat(from, index));
        }
    }

    private static final class BooleanCodec extends PrimitiveFieldCodec {
        BooleanCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeBoolean(access.getBoolean(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setBoolean(pojo, index, source.readBoolean());
        }

        @Override
        void copy(Object from, Object to) {
            access.setBoolean(to, index, access.getBoolean(from, index));
        }
    }

    private static final class ShortCodec extends PrimitiveFieldCodec {
        ShortCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeShort(access.getShort(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setShort(pojo, index, source.readShort());
        }

        @Override
        void copy(Object from, Object to) {
            access.setShort(to, index, access.getShort(from, index));
        }
    }

    private static final class ByteCodec extends PrimitiveFieldCodec {
        ByteCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeByte(access.getByte(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setByte(pojo, index, source.readByte());
        }

        @Override
        void copy(Object from, Object to) {
            access.setByte(to, index, access.getByte(from, index));
        }
    }

    private static final class CharCodec extends PrimitiveFieldCodec {
        CharCodec(PojoFieldAccess access, int index) {
            super(access, index);
        }

        @Override
        void write(Object pojo, DataOutputView target) throws IOException {
            target.writeChar(access.getChar(pojo, index));
        }

        @Override
        void read(Object pojo, DataInputView source) throws IOException {
            access.setChar(pojo, index, source.readChar());
        }

        @Override
        void copy(Object from, Object to) {
            access.setChar(to, index, access.getChar(from, index));
        }
    }
}
