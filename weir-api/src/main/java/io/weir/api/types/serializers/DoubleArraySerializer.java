package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code double[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class DoubleArraySerializer extends PrimitiveArraySerializer<double[]> {
    private static final long serialVersionUID = 1L;

    public static final DoubleArraySerializer INSTANCE = new DoubleArraySerializer();

    @Override
    public double[] createInstance() {
        return new double[0];
    }

    @Override
    public double[] copy(double[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(double[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (double v : record) {
            target.writeDouble(v);
        }
    }

    @Override
    public double[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        double[] array = new double[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readDouble();
        }
        return array;
    }
}
