package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import java.io.IOException;

/** Serializes {@code Character} values as two big-endian bytes (one UTF-16 unit). */
public final class CharSerializer extends ImmutableValueSerializer<Character> {
    private static final long serialVersionUID = 1L;

    public static final CharSerializer INSTANCE = new CharSerializer();

    @Override
    public Character createInstance() {
        return (char) 0;
    }

    @Override
    public int getLength() {
        return 2;
    }

    @Override
    public void serialize(Character record, DataOutputView target) throws IOException {
        target.writeChar(record);
    }

    @Override
    public Character deserialize(DataInputView source) throws IOException {
        return source.readChar();
    }
}
