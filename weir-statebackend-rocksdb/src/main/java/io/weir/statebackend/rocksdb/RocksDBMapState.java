package io.weir.statebackend.rocksdb;

import io.weir.api.state.MapState;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * {@link MapState} in RocksDB: one entry per map entry, keyed by the key, the namespace and the
 * serialized map key, so reading or writing one map entry touches only that entry. Iteration reads
 * the entries of the current key and namespace into a list first (a consistent view: changing the
 * map while iterating does not affect it, and {@code remove} on the iterator is not supported).
 */
final class RocksDBMapState<K, N, UK, UV> extends RocksDBState<K, N, UV> implements MapState<UK, UV> {
    private final TypeSerializer<UK> userKeySerializer;

    RocksDBMapState(RocksDBKeyedStateBackend<K> backend, String name, ColumnFamilyHandle column,
            TypeSerializer<UK> userKeySerializer, StoredValueCodec<UV> valueCodec) {
        super(backend, name, column, valueCodec);
        this.userKeySerializer = userKeySerializer;
    }

    TypeSerializer<UK> userKeySerializer() {
        return userKeySerializer;
    }

    @Override
    boolean isMap() {
        return true;
    }

    private byte[] entryKey(UK userKey) {
        return backend.keyBuilder().buildWithUserKey(currentNamespace(), namespaceSerializer(), userKey,
                userKeySerializer);
    }

    @Override
    public UV get(UK key) {
        return getValue(entryKey(key));
    }

    @Override
    public void put(UK key, UV value) {
        putBytes(entryKey(key), encode(value));
    }

    @Override
    public void putAll(Map<UK, UV> map) {
        if (map == null) {
            return;
        }
        for (Map.Entry<UK, UV> entry : map.entrySet()) {
            put(entry.getKey(), entry.getValue());
        }
    }

    @Override
    public void remove(UK key) {
        delete(entryKey(key));
    }

    @Override
    public boolean contains(UK key) {
        return getBytes(entryKey(key)) != null;
    }

    @Override
    public Iterable<Map.Entry<UK, UV>> entries() {
        return readEntries();
    }

    @Override
    public Iterable<UK> keys() {
        List<UK> keys = new ArrayList<>();
        for (Map.Entry<UK, UV> entry : readEntries()) {
            keys.add(entry.getKey());
        }
        return keys;
    }

    @Override
    public Iterable<UV> values() {
        List<UV> values = new ArrayList<>();
        for (Map.Entry<UK, UV> entry : readEntries()) {
            values.add(entry.getValue());
        }
        return values;
    }

    @Override
    public Iterator<Map.Entry<UK, UV>> iterator() {
        return readEntries().iterator();
    }

    @Override
    public boolean isEmpty() {
        byte[] prefix = currentKey();
        try (RocksIterator it = backend.database().iterator(column)) {
            it.seek(prefix);
            return !(it.isValid() && startsWith(it.key(), prefix));
        }
    }

    /** Removes every entry of the current key and namespace. */
    @Override
    public void clear() {
        byte[] prefix = currentKey();
        try (RocksIterator it = backend.database().iterator(column); WriteBatch batch = new WriteBatch()) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                batch.delete(column, it.key());
            }
            backend.database().write(batch);
        } catch (RocksDBException e) {
            throw failure("clear", e);
        }
    }

    private List<Map.Entry<UK, UV>> readEntries() {
        byte[] prefix = currentKey();
        List<Map.Entry<UK, UV>> entries = new ArrayList<>();
        DataInputDeserializer keyIn = new DataInputDeserializer();
        try (RocksIterator it = backend.database().iterator(column)) {
            for (it.seek(prefix); it.isValid() && startsWith(it.key(), prefix); it.next()) {
                byte[] key = it.key();
                keyIn.setBuffer(key, prefix.length, key.length - prefix.length);
                UK userKey = userKeySerializer.deserialize(keyIn);
                entries.add(new AbstractMap.SimpleImmutableEntry<>(userKey, decode(it.value())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Map state '" + name() + "' holds an unreadable key: " + e.getMessage(), e);
        }
        return entries;
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length
                && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
