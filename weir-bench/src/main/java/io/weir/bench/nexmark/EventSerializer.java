package io.weir.bench.nexmark;

import io.weir.api.types.CompositeTypeSerializerSnapshot;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.api.types.TypeSerializerSnapshot;
import java.io.IOException;
import java.util.Objects;

/** Serializes an {@link Event} as a tag byte (0 person, 1 auction, 2 bid) and then the record. */
final class EventSerializer extends TypeSerializer<Event> {
    private static final long serialVersionUID = 1L;

    private static final int PERSON = 0;
    private static final int AUCTION = 1;
    private static final int BID = 2;

    private final TypeSerializer<Person> persons;
    private final TypeSerializer<Auction> auctions;
    private final TypeSerializer<Bid> bids;

    EventSerializer(TypeSerializer<Person> persons, TypeSerializer<Auction> auctions, TypeSerializer<Bid> bids) {
        this.persons = persons;
        this.auctions = auctions;
        this.bids = bids;
    }

    @Override
    public boolean isImmutableType() {
        return persons.isImmutableType() && auctions.isImmutableType() && bids.isImmutableType();
    }

    @Override
    public TypeSerializer<Event> duplicate() {
        TypeSerializer<Person> p = persons.duplicate();
        TypeSerializer<Auction> a = auctions.duplicate();
        TypeSerializer<Bid> b = bids.duplicate();
        return p == persons && a == auctions && b == bids ? this : new EventSerializer(p, a, b);
    }

    @Override
    public Event createInstance() {
        return null;
    }

    @Override
    public Event copy(Event from) {
        if (from instanceof Bid bid) {
            return bids.copy(bid);
        }
        if (from instanceof Auction auction) {
            return auctions.copy(auction);
        }
        return from == null ? null : persons.copy((Person) from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(Event event, DataOutputView target) throws IOException {
        if (event instanceof Bid bid) {
            target.writeByte(BID);
            bids.serialize(bid, target);
        } else if (event instanceof Auction auction) {
            target.writeByte(AUCTION);
            auctions.serialize(auction, target);
        } else {
            target.writeByte(PERSON);
            persons.serialize((Person) Objects.requireNonNull(event, "a null event"), target);
        }
    }

    @Override
    public Event deserialize(DataInputView source) throws IOException {
        int tag = source.readUnsignedByte();
        switch (tag) {
            case BID:
                return bids.deserialize(source);
            case AUCTION:
                return auctions.deserialize(source);
            case PERSON:
                return persons.deserialize(source);
            default:
                throw new IOException("Corrupt Nexmark event: unknown tag " + tag);
        }
    }

    @Override
    public TypeSerializerSnapshot<Event> snapshotConfiguration() {
        return new Snapshot(this);
    }

    /** The person, auction and bid serializers' snapshots. */
    static final class Snapshot extends CompositeTypeSerializerSnapshot<Event, EventSerializer> {
        Snapshot() {}

        Snapshot(EventSerializer serializer) {
            super(serializer);
        }

        @Override
        protected int getCurrentOuterSnapshotVersion() {
            return 1;
        }

        @Override
        protected TypeSerializer<?>[] getNestedSerializers(EventSerializer outerSerializer) {
            return new TypeSerializer<?>[] {outerSerializer.persons, outerSerializer.auctions, outerSerializer.bids};
        }

        @Override
        @SuppressWarnings("unchecked")
        protected EventSerializer createOuterSerializerWithNestedSerializers(TypeSerializer<?>[] nestedSerializers) {
            return new EventSerializer((TypeSerializer<Person>) nestedSerializers[0],
                    (TypeSerializer<Auction>) nestedSerializers[1], (TypeSerializer<Bid>) nestedSerializers[2]);
        }
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EventSerializer other && other.persons.equals(persons)
                && other.auctions.equals(auctions) && other.bids.equals(bids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(persons, auctions, bids);
    }

    @Override
    public String toString() {
        return "EventSerializer[" + persons + ", " + auctions + ", " + bids + "]";
    }
}
