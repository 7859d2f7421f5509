package io.weir.api.state;

import io.weir.api.types.TypeInformation;

/** Describes a {@link ValueState}. */
public class ValueStateDescriptor<T> extends StateDescriptor<ValueState<T>, T> {
    private static final long serialVersionUID = 1L;

    public ValueStateDescriptor(String name, Class<T> type) {
        super(name, type);
    }

    public ValueStateDescriptor(String name, TypeInformation<T> typeInfo) {
        super(name, typeInfo);
    }

    @Override
    public Type getType() {
        return Type.VALUE;
    }
}
