package io.weir.api.state;

import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import java.util.Objects;

/** Describes a {@link MapState}; {@link #getTypeInformation()} is the type of the map values. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, UV> {
    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyType;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, TypeExtractor.createTypeInfo(keyClass), TypeExtractor.createTypeInfo(valueClass));
    }

    public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
        super(name, valueType);
        this.keyType = Objects.requireNonNull(keyType, "map key type");
    }

    public TypeInformation<UK> getKeyTypeInformation() {
        return keyType;
    }

    public TypeInformation<UV> getValueTypeInformation() {
        return getTypeInformation();
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }
}
