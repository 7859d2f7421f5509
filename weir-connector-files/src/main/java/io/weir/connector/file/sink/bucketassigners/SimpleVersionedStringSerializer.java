package io.weir.connector.file.sink.bucketassigners;

import io.weir.api.connector.source.SimpleVersionedSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Serializes strings as UTF-8. */
public final class SimpleVersionedStringSerializer implements SimpleVersionedSerializer<String> {
    public static final SimpleVersionedStringSerializer INSTANCE = new SimpleVersionedStringSerializer();

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1) {
            throw new IOException("Unknown version " + version + " of a serialized string");
        }
        return new String(serialized, StandardCharsets.UTF_8);
    }
}
