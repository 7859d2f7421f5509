package io.weir.statebackend.rocksdb;

import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.state.TtlValue;
import java.io.IOException;

/**
 * Writes one value as the RocksDB backend stores it, which is also how canonical snapshots write
 * it: the serialized value, preceded by its last-access time when the state has a TTL (then the
 * value object is a {@link TtlValue}).
 */
final class StoredValueCodec<V> {
    private final TypeSerializer<Object> serializer;
    private final boolean ttl;

    @SuppressWarnings("unchecked")
    StoredValueCodec(TypeSerializer<?> serializer, boolean ttl) {
        this.serializer = (TypeSerializer<Object>) serializer;
        this.ttl = ttl;
    }

    TypeSerializer<Object> serializer() {
        return serializer;
    }

    boolean ttl() {
        return ttl;
    }

    void write(V value, DataOutputView out) throws IOException {
        if (ttl) {
            TtlValue<?> timed = (TtlValue<?>) value;
            out.writeLong(timed.lastAccessTimestamp());
            serializer.serialize(timed.userValue(), out);
        } else {
            serializer.serialize(value, out);
        }
    }

    @SuppressWarnings("unchecked")
    V read(DataInputView in) throws IOException {
        if (ttl) {
            long timestamp = in.readLong();
            return (V) new TtlValue<>(serializer.deserialize(in), timestamp);
        }
        return (V) serializer.deserialize(in);
    }
}
