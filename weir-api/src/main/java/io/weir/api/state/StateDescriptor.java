package io.weir.api.state;

import io.weir.api.types.TypeExtractor;
import io.weir.api.types.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and gives the type of what it stores. The name is unique per operator;
 * the same name always returns the same state.
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of state a backend provides. */
    public enum Type { VALUE, LIST, REDUCING, AGGREGATING, MAP }

    private final String name;
    private final TypeInformation<T> typeInfo;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        this.name = Objects.requireNonNull(name, "state name");
        this.typeInfo = Objects.requireNonNull(typeInfo, "state type");
    }

    protected StateDescriptor(String name, Class<T> type) {
        this(name, TypeExtractor.createTypeInfo(Objects.requireNonNull(type, "state type")));
    }

    public String getName() {
        return name;
    }

    /** The type of the stored values (for map state: of the map values; for aggregating state: of the accumulator). */
    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    public abstract Type getType();

    /**
     * Lets the values of this state expire after the TTL of {@code ttlConfig} (processing time).
     * List state expires per element, map state per entry.
     */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttlConfig");
    }

    /** The TTL of this state; {@link StateTtlConfig#DISABLED} unless {@link #enableTimeToLive} was called. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && name.equals(((StateDescriptor<?, ?>) o).name);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + getClass().hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", type=" + typeInfo + "}";
    }
}
