package io.weir.bench.nexmark;

import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeInformation;
import io.weir.api.types.TypeSerializer;

/**
 * The type of a stream of {@link Event}s: a sealed interface over three records, serialized as a
 * tag byte followed by the record in its own record serializer's format.
 */
public final class EventTypeInfo extends TypeInformation<Event> {
    private static final long serialVersionUID = 1L;

    public static final EventTypeInfo INSTANCE = new EventTypeInfo();

    private EventTypeInfo() {
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
    public Class<Event> getTypeClass() {
        return Event.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Event> createSerializer(SerializerConfig config) {
        return new EventSerializer(TypeInformation.of(Person.class).createSerializer(config),
                TypeInformation.of(Auction.class).createSerializer(config),
                TypeInformation.of(Bid.class).createSerializer(config));
    }

    @Override
    public String toString() {
        return "Nexmark Event";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EventTypeInfo;
    }

    @Override
    public int hashCode() {
        return EventTypeInfo.class.hashCode();
    }
}
