package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Serializes {@link BigDecimal}s, including null, as the unscaled value in the format of
 * {@link BigIntSerializer} followed by the int scale (absent for null).
 */
public final class BigDecSerializer extends ImmutableValueSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    public static final BigDecSerializer INSTANCE = new BigDecSerializer();

    @Override
    public BigDecimal createInstance() {
        return BigDecimal.ZERO;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(BigDecimal record, DataOutputView target) throws IOException {
        if (record == null) {
            BigIntSerializer.writeBigInteger(null, target);
            return;
        }
        BigIntSerializer.writeBigInteger(record.unscaledValue(), target);
        target.writeInt(record.scale());
    }

    @Override
    public BigDecimal deserialize(DataInputView source) throws IOException {
        BigInteger unscaled = BigIntSerializer.readBigInteger(source);
        return unscaled == null ? null : new BigDecimal(unscaled, source.readInt());
    }
}
