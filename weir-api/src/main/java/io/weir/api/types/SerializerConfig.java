package io.weir.api.types;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Settings for the serializers of a job: whether the generic (Kryo) fallback may be used at all,
 * and which classes it should register. Registering a class lets the generic serializer write a
 * small id instead of the class name; registration is never required.
 *
 * <p>Set it up before the job graph is built; serializers keep a reference to it.
 */
public final class SerializerConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private boolean genericTypesDisabled;
    private final LinkedHashSet<Class<?>> registeredKryoTypes = new LinkedHashSet<>();
    private final LinkedHashMap<Class<?>, Class<?>> defaultKryoSerializers = new LinkedHashMap<>();

    /**
     * Allows or forbids the generic fallback. When forbidden, creating a serializer for a type that
     * is neither a basic type, an array, an enum, a record, a POJO, a tuple, a Row nor a
     * List/Map/Optional of those fails with an error naming the type: useful to make sure a job
     * never pays for the slow path.
     */
    public SerializerConfig setGenericTypes(boolean enabled) {
        this.genericTypesDisabled = !enabled;
        return this;
    }

    public boolean hasGenericTypesDisabled() {
        return genericTypesDisabled;
    }

    /** Registers a class with the generic serializer, in order; all tasks must register the same classes. */
    public SerializerConfig registerKryoType(Class<?> type) {
        registeredKryoTypes.add(Objects.requireNonNull(type, "type"));
        return this;
    }

    /** The registered classes, in registration order. */
    public Set<Class<?>> getRegisteredKryoTypes() {
        return Collections.unmodifiableSet(registeredKryoTypes);
    }

    /**
     * Makes the generic serializer use {@code serializerClass} (a subclass of Kryo's
     * {@code Serializer} with a no-arg constructor) for {@code type} and its subclasses. The class is
     * checked when the generic serializer is created, because this module does not see Kryo.
     */
    public SerializerConfig addDefaultKryoSerializer(Class<?> type, Class<?> serializerClass) {
        defaultKryoSerializers.put(Objects.requireNonNull(type, "type"),
                Objects.requireNonNull(serializerClass, "serializer class"));
        return this;
    }

    /** The classes given to {@link #addDefaultKryoSerializer}, by type, in registration order. */
    public Map<Class<?>, Class<?>> getDefaultKryoSerializers() {
        return Collections.unmodifiableMap(defaultKryoSerializers);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SerializerConfig other
                && genericTypesDisabled == other.genericTypesDisabled
                && registeredKryoTypes.equals(other.registeredKryoTypes)
                && defaultKryoSerializers.equals(other.defaultKryoSerializers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(genericTypesDisabled, registeredKryoTypes, defaultKryoSerializers);
    }

    @Override
    public String toString() {
        return "SerializerConfig{genericTypes=" + (genericTypesDisabled ? "disabled" : "enabled")
                + ", kryoTypes=" + registeredKryoTypes + ", defaultKryoSerializers=" + defaultKryoSerializers + "}";
    }
}
