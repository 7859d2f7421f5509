package io.weir.api.common.serialization;

import io.weir.api.functions.Collector;
import io.weir.api.types.ResultTypeQueryable;
import java.io.IOException;
import java.io.Serializable;

/**
 * Turns the bytes of one message (a Kafka record's value, a line of a file) into zero or more
 * records. A connector calls {@link #open} once per parallel instance before the first message.
 *
 * <p>Contract: throw an {@link IOException} for bytes that cannot be read; the connector adds
 * where they came from (topic, partition and offset, file and line) and fails the job, so a bad
 * message is never dropped silently. Return {@code null} from {@link #deserialize(byte[])} to skip
 * a message deliberately.
 *
 * @param <T> the records produced
 */
public interface DeserializationSchema<T> extends Serializable, ResultTypeQueryable<T> {

    /** Called once before the first message, on the thread that will call {@code deserialize}. */
    default void open(InitializationContext context) throws Exception {}

    /** The record of one message, or {@code null} to skip it. */
    T deserialize(byte[] message) throws IOException;

    /** Emits the records of one message; by default the one record of {@link #deserialize(byte[])}, unless null. */
    default void deserialize(byte[] message, Collector<T> out) throws IOException {
        T record = deserialize(message);
        if (record != null) {
            out.collect(record);
        }
    }

    /**
     * Whether {@code nextElement} marks the end of the stream. Kept for sources that stop on a
     * marker record; the split-model sources (such as Kafka's) end by their bounded mode instead
     * and do not ask.
     */
    boolean isEndOfStream(T nextElement);

    /** What a schema can use while it opens. */
    interface InitializationContext {
        ClassLoader getUserCodeClassLoader();
    }
}
