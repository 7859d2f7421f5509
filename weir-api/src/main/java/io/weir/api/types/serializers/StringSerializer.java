package io.weir.api.types.serializers;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.StringEncoding;
import java.io.IOException;

/** Serializes strings, including null, in the format of {@link StringEncoding}. */
public final class StringSerializer extends ImmutableValueSerializer<String> {
    private static final long serialVersionUID = 1L;

    public static final StringSerializer INSTANCE = new StringSerializer();

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        StringEncoding.writeString(record, target);
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return StringEncoding.readString(source);
    }
}
