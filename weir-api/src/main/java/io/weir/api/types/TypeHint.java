package io.weir.api.types;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that erasure would otherwise hide, by being subclassed anonymously:
 * {@code new TypeHint<Tuple2<String, Integer>>(){}}. The type is analysed when the hint is created,
 * so a hint with an unusable type fails at that line.
 */
public abstract class TypeHint<T> {
    private final TypeInformation<T> typeInfo;

    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (getClass().getSuperclass() != TypeHint.class || !(superType instanceof ParameterizedType parameterized)) {
            throw new InvalidTypesException("Create a TypeHint as a direct anonymous subclass with its type argument, "
                    + "for example new TypeHint<Tuple2<String, Integer>>(){}; got " + getClass().getName());
        }
        TypeInformation<T> info = TypeExtractor.createTypeInfo(parameterized.getActualTypeArguments()[0]);
        if (info instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        this.typeInfo = info;
    }

    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeHint<?> other && typeInfo.equals(other.typeInfo);
    }

    @Override
    public int hashCode() {
        return typeInfo.hashCode();
    }

    @Override
    public String toString() {
        return "TypeHint<" + typeInfo + ">";
    }
}
