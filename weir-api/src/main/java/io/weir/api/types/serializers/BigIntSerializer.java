package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.math.BigInteger;

/**
 * Serializes {@link BigInteger}s, including null, as an int length followed by the two's-complement
 * bytes; length 0 means null (zero itself takes one byte).
 */
public final class BigIntSerializer extends ImmutableValueSerializer<BigInteger> {
    private static final long serialVersionUID = 1L;

    public static final BigIntSerializer INSTANCE = new BigIntSerializer();

    @Override
    public BigInteger createInstance() {
        return BigInteger.ZERO;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigInteger record, DataOutputView target) throws IOException {
        writeBigInteger(record, target);
    }

    @Override
    public BigInteger deserialize(DataInputView source) throws IOException {
        return readBigInteger(source);
    }

    static void writeBigInteger(BigInteger value, DataOutputView target) throws IOException {
        if (value == null) {
            target.writeInt(0);
            return;
        }
        byte[] bytes = value.toByteArray();
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    static BigInteger readBigInteger(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        source.readFully(bytes);
        return new BigInteger(bytes);
    }
}
