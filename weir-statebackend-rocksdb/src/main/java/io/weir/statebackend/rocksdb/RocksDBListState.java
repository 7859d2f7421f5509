package io.weir.statebackend.rocksdb;

import io.weir.api.state.ListState;
import io.weir.runtime.state.InternalMergingState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.rocksdb.ColumnFamilyHandle;

/**
 * {@link ListState} in RocksDB: one entry per key and namespace holding the number of elements,
 * then the elements (the canonical snapshot format of a list). Adding appends the new element's
 * bytes to the stored bytes without reading the elements, which still copies the stored bytes
 * once per add: lists of many large elements are cheaper as map state. Null elements are refused.
 */
final class RocksDBListState<K, N, V> extends RocksDBState<K, N, V> implements ListState<V>, InternalMergingState<N> {
    RocksDBListState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
            StoredValueCodec<V> codec) {
        super(backend, name, column, codec);
    }

    @Override
    public Iterable<V> get() {
        byte[] bytes = getBytes(currentKey());
        return bytes == null ? List.of() : decodeList(bytes);
    }

    private List<V> decodeList(byte[] bytes) {
        try {
            valueIn.setBuffer(bytes);
            int size = valueIn.readInt();
            List<V> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(codec.read(valueIn));
            }
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException("List state '" + name() + "' holds unreadable elements: " + e.getMessage(), e);
        }
    }

    @Override
    public void add(V value) {
        requireNonNull(value);
        addAll(List.of(value));
    }

    @Override
    public void update(List<V> values) {
        if (values == null || values.isEmpty()) {
            clear();
            return;
        }
        values.forEach(RocksDBListState::requireNonNull);
        putBytes(currentKey(), append(null, values));
    }

    @Override
    public void addAll(List<V> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        values.forEach(RocksDBListState::requireNonNull);
        byte[] key = currentKey();
        putBytes(key, append(getBytes(key), values));
    }

    /** The stored bytes of {@code stored} (or of an empty list) with {@code values} appended. */
    private byte[] append(byte[] stored, List<V> values) {
        try {
            valueOut.clear();
            int count = stored == null ? 0 : readCount(stored);
            valueOut.writeInt(count + values.size());
            if (stored != null) {
                valueOut.write(stored, 4, stored.length - 4);
            }
            for (V value : values) {
                codec.write(value, valueOut);
            }
            return valueOut.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException("An element of list state '" + name() + "' cannot be serialized: "
                    + e.getMessage(), e);
        }
    }

    private static int readCount(byte[] stored) {
        return ((stored[0] & 0xff) << 24) | ((stored[1] & 0xff) << 16) | ((stored[2] & 0xff) << 8) | (stored[3] & 0xff);
    }

    /** Concatenates the lists of {@code sources} onto the list of {@code target}, as bytes. */
    @Override
    public void mergeNamespaces(N target, Collection<N> sources) throws IOException {
        byte[] targetKey = currentKey(target);
        byte[] merged = getBytes(targetKey);
        for (N source : sources) {
            if (source.equals(target)) {
                continue;
            }
            byte[] sourceKey = currentKey(source);
            byte[] bytes = getBytes(sourceKey);
            if (bytes != null) {
                delete(sourceKey);
                merged = merged == null ? bytes : concat(merged, bytes);
            }
        }
        if (merged != null) {
            putBytes(targetKey, merged);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length - 4];
        int count = readCount(a) + readCount(b);
        joined[0] = (byte) (count >>> 24);
        joined[1] = (byte) (count >>> 16);
        joined[2] = (byte) (count >>> 8);
        joined[3] = (byte) count;
        System.arraycopy(a, 4, joined, 4, a.length - 4);
        System.arraycopy(b, 4, joined, a.length, b.length - 4);
        return joined;
    }

    private static void requireNonNull(Object value) {
        if (value == null) {
            throw new NullPointerException("ListState does not accept null elements.");
        }
    }
}
