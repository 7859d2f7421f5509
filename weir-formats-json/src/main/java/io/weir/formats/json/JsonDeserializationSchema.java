package io.weir.formats.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.common.serialization.DeserializationSchema;
import io.weir.api.types.TypeInformation;
import java.io.IOException;
import java.util.Objects;

/**
 * Reads each message as one JSON document into a {@code T}: a Java record, a POJO, or a Jackson
 * {@code JsonNode}. Unknown properties are ignored, so producers may add fields. A message that is
 * not valid JSON, or does not fit {@code T}, is an {@link IOException} that gives Jackson's reason
 * and the line and column; the connector adds where the message came from.
 *
 * <pre>{@code
 * KafkaSource.<Order>builder()
 *         ...
 *         .setValueOnlyDeserializer(new JsonDeserializationSchema<>(Order.class))
 * }</pre>
 *
 * @param <T> the type each message is read into
 */
public class JsonDeserializationSchema<T> implements DeserializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> type;
    private transient ObjectMapper mapper;

    public JsonDeserializationSchema(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public void open(InitializationContext context) {
        mapper = newMapper();
    }

    @Override
    public T deserialize(byte[] message) throws IOException {
        if (message == null) {
            return null;
        }
        if (mapper == null) {
            mapper = newMapper();
        }
        return mapper.readValue(message, type);
    }

    private static ObjectMapper newMapper() {
        return new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Override
    public boolean isEndOfStream(T nextElement) {
        return false;
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return TypeInformation.of(type);
    }
}
