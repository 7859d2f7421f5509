package io.weir.api.functions;

import io.weir.api.types.InvalidTypesException;
import io.weir.api.types.MissingTypeInfo;
import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * Names a side output of an operator and gives its element type. Two tags are the same side output
 * when their ids are equal. Create one as an anonymous subclass so the type is captured
 * ({@code new OutputTag<String>("late") {}}), or pass the type
 * ({@code new OutputTag<>("late", Types.STRING)}).
 */
public class OutputTag<T> implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final transient TypeInformation<T> typeInfo;

    /** Captures {@code T} from an anonymous subclass: {@code new OutputTag<String>("late") {}}. */
    public OutputTag(String id) {
        this.id = checkId(id);
        Type superType = getClass().getGenericSuperclass();
        if (getClass().getSuperclass() != OutputTag.class || !(superType instanceof ParameterizedType parameterized)) {
            throw new InvalidTypesException("OutputTag '" + id + "' cannot tell its element type: create it as an "
                    + "anonymous subclass, new OutputTag<String>(\"" + id + "\") {}, or pass the type, "
                    + "new OutputTag<>(\"" + id + "\", Types.STRING).");
        }
        TypeInformation<T> info = TypeExtractor.createTypeInfo(parameterized.getActualTypeArguments()[0]);
        if (info instanceof MissingTypeInfo<?> missing) {
            throw missing.toException();
        }
        this.typeInfo = info;
    }

    public OutputTag(String id, TypeInformation<T> typeInfo) {
        this.id = checkId(id);
        this.typeInfo = Objects.requireNonNull(typeInfo, "typeInfo");
    }

    private static String checkId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("An OutputTag needs a non-empty id.");
        }
        return id;
    }

    public String getId() {
        return id;
    }

    /** The element type; only on the client (not serialized with the tag). */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutputTag<?> other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "OutputTag(" + typeInfo + ", " + id + ")";
    }
}
