package io.weir.api.types;

import java.util.Objects;

/**
 * A container type with one type argument ({@code List<T>}, {@code Optional<T>}): one field, not
 * basic, not a tuple, a key if its argument is, equal to another of the same class over an equal
 * argument. Subclasses name the argument and make the serializer.
 */
abstract class SingleTypeArgumentTypeInfo<C, T> extends TypeInformation<C> {
    private static final long serialVersionUID = 1L;

    private final Class<?> containerClass;
    private final TypeInformation<T> argument;

    SingleTypeArgumentTypeInfo(Class<?> containerClass, TypeInformation<T> argument, String argumentName) {
        this.containerClass = containerClass;
        this.argument = Objects.requireNonNull(argument, argumentName);
    }

    final TypeInformation<T> argument() {
        return argument;
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
    @SuppressWarnings("unchecked")
    public Class<C> getTypeClass() {
        return (Class<C>) containerClass;
    }

    @Override
    public boolean isKeyType() {
        return argument.isKeyType();
    }

    @Override
    public String toString() {
        return containerClass.getSimpleName() + "<" + argument + ">";
    }

    @Override
    public boolean equals(Object obj) {
        return obj != null && obj.getClass() == getClass()
                && ((SingleTypeArgumentTypeInfo<?, ?>) obj).argument.equals(argument);
    }

    @Override
    public int hashCode() {
        return 31 * containerClass.getSimpleName().hashCode() + argument.hashCode();
    }
}
