package io.weir.api.common.serialization;

import io.weir.api.types.TypeInformation;
import io.weir.api.types.Types;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Strings to and from bytes in one charset (UTF-8 unless given). A {@code null} message (a Kafka
 * tombstone) reads as no record; a {@code null} string writes as a {@code null} message.
 */
public class SimpleStringSchema implements DeserializationSchema<String>, SerializationSchema<String> {
    private static final long serialVersionUID = 1L;

    /** By name, because {@link Charset} is not serializable. */
    private final String charsetName;
    private transient Charset charset;

    public SimpleStringSchema() {
        this(StandardCharsets.UTF_8);
    }

    public SimpleStringSchema(Charset charset) {
        this.charsetName = charset.name();
        this.charset = charset;
    }

    public Charset getCharset() {
        if (charset == null) {
            charset = Charset.forName(charsetName);
        }
        return charset;
    }

    @Override
    public String deserialize(byte[] message) {
        return message == null ? null : new String(message, getCharset());
    }

    @Override
    public boolean isEndOfStream(String nextElement) {
        return false;
    }

    @Override
    public byte[] serialize(String element) {
        return element == null ? null : element.getBytes(getCharset());
    }

    @Override
    public TypeInformation<String> getProducedType() {
        return Types.STRING;
    }
}
