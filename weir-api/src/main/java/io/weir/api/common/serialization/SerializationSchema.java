package io.weir.api.common.serialization;

import java.io.Serializable;

/**
 * Turns a record into the bytes of one message (a Kafka record's key or value, a line of a file).
 * A connector calls {@link #open} once per parallel instance before the first record.
 *
 * @param <T> the records consumed
 */
public interface SerializationSchema<T> extends Serializable {

    /** Called once before the first record, on the thread that will call {@link #serialize}. */
    default void open(InitializationContext context) throws Exception {}

    /** The bytes of {@code element}; may be {@code null} where the message format allows (a Kafka tombstone). */
    byte[] serialize(T element);

    /** What a schema can use while it opens. */
    interface InitializationContext {
        ClassLoader getUserCodeClassLoader();
    }
}
