package io.weir.api.state;

import io.weir.api.types.TypeInformation;

/** Describes a {@link ListState}; the type is the type of the list elements. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementType) {
        super(name, elementType);
    }

    public ListStateDescriptor(String name, TypeInformation<T> elementType) {
        super(name, elementType);
    }

    public TypeInformation<T> getElementTypeInformation() {
        return getTypeInformation();
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
