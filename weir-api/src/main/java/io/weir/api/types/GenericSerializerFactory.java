package io.weir.api.types;

/**
 * Creates the serializer for types that Weir has no specific serializer for (see
 * {@link GenericTypeInfo}). Found with {@link java.util.ServiceLoader}; {@code weir-runtime} provides
 * one based on Kryo.
 */
public interface GenericSerializerFactory {
    /**
     * A serializer for values of {@code type} and its subclasses. Called once per use of the type
     * when the job graph is built; the result is duplicated per thread.
     */
    <T> TypeSerializer<T> create(Class<T> type, SerializerConfig config);
}
