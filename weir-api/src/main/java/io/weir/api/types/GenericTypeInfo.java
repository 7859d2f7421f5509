package io.weir.api.types;

import java.util.Iterator;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The type of values that Weir has no specific serializer for: interfaces, abstract classes, classes
 * that break the POJO rules, JDK classes that are not basic types. They are serialized by the
 * {@link GenericSerializerFactory} on the classpath ({@code weir-runtime} provides one based on
 * Kryo), which is slower and more verbose than the specific serializers; a warning says so.
 *
 * <p>A generic type can be a key only if its class overrides {@code hashCode()}; interfaces are
 * assumed to be implemented by classes that do.
 */
public final class GenericTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    public GenericTypeInfo(Class<T> typeClass) {
        this.typeClass = Objects.requireNonNull(typeClass, "type class");
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public boolean isKeyType() {
        return TypeExtractor.overridesHashCode(typeClass);
    }

    /** The generic serializer; fails if generic types are disabled or no factory is on the classpath. */
    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        if (config.hasGenericTypesDisabled()) {
            throw new InvalidTypesException("Generic types are disabled (SerializerConfig.setGenericTypes(false)), "
                    + "but " + typeClass.getName() + " would need the generic serializer. Make it a POJO (public "
                    + "class, public no-arg constructor, fields public or with getter and setter) or a Java record, "
                    + "give the type explicitly with returns(...), or enable generic types.");
        }
        GenericSerializerFactory factory = FactoryHolder.FACTORY;
        if (factory == null) {
            throw new InvalidTypesException("No generic serializer is available for " + typeClass.getName()
                    + ": add weir-runtime to the classpath (it provides the Kryo-based GenericSerializerFactory), "
                    + "or make the type a POJO or a Java record.");
        }
        return factory.create(typeClass, config);
    }

    @Override
    public String toString() {
        return "GenericType<" + typeClass.getName() + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof GenericTypeInfo<?> other && other.typeClass == typeClass;
    }

    @Override
    public int hashCode() {
        return typeClass.getName().hashCode();
    }

    /** Loads the factory once, on first use of a generic type. */
    private static final class FactoryHolder {
        static final GenericSerializerFactory FACTORY = load();

        private static GenericSerializerFactory load() {
            ClassLoader[] loaders = {
                    Thread.currentThread().getContextClassLoader(), GenericTypeInfo.class.getClassLoader()};
            for (ClassLoader loader : loaders) {
                if (loader != null) {
                    Iterator<GenericSerializerFactory> found =
                            ServiceLoader.load(GenericSerializerFactory.class, loader).iterator();
                    if (found.hasNext()) {
                        return found.next();
                    }
                }
            }
            return null;
        }
    }
}
