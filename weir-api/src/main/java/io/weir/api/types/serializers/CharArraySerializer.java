package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code char[]}, including null; see {@link PrimitiveArraySerializer}. */
public final class CharArraySerializer extends PrimitiveArraySerializer<char[]> {
    private static final long serialVersionUID = 1L;

    public static final CharArraySerializer INSTANCE = new CharArraySerializer();

    @Override
    public char[] createInstance() {
        return new char[0];
    }

    @Override
    public char[] copy(char[] from) {
        return from == null ? null : from.clone();
    }

    @Override
    public void serialize(char[] record, DataOutputView target) throws IOException {
        if (record == null) {
            target.writeInt(NULL_LENGTH);
            return;
        }
        target.writeInt(record.length);
        for (char v : record) {
            target.writeChar(v);
        }
    }

    @Override
    public char[] deserialize(DataInputView source) throws IOException {
        int length = source.readInt();
        if (length == NULL_LENGTH) {
            return null;
        }
        char[] array = new char[length];
        for (int i = 0; i < length; i++) {
            array[i] = source.readChar();
        }
        return array;
    }
}
