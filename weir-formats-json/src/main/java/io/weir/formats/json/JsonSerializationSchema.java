package io.weir.formats.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.api.common.serialization.SerializationSchema;

/**
 * Writes each record as one JSON document (UTF-8): records and POJOs by their properties, Jackson
 * {@code JsonNode}s as they are. A record Jackson cannot write fails with its class and Jackson's
 * reason.
 *
 * @param <T> the records written
 */
public class JsonSerializationSchema<T> implements SerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    private transient ObjectMapper mapper;

    @Override
    public void open(InitializationContext context) {
        mapper = new ObjectMapper();
    }

    @Override
    public byte[] serialize(T element) {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        try {
            return mapper.writeValueAsBytes(element);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Could not write a " + element.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
