package io.weir.statebackend.rocksdb;

import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataInputView;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.DataOutputView;
import io.weir.api.types.TypeSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;

/**
 * Rewrites the stored values of one state whose serializers changed compatibly (a POJO that gained
 * or lost fields): each value is read with the serializers it was written with and written again
 * with the state's new ones. Used on restore, eagerly: for canonical snapshots while they are
 * imported ({@link CanonicalImport}), for a database restored from files by rewriting the state's
 * column family before the operator uses it ({@link #rewrite}). After that the state holds only the
 * new format, so reads and writes never need to know which format a value has.
 *
 * <p>Threading: the task's thread only, when the operator registers the state.
 */
final class StoredValueMigration {
    private static final int BATCH_BYTES = 4 << 20;

    private final boolean list;
    private final boolean map;
    private final StoredValueCodec<Object> readCodec;
    private final StoredValueCodec<Object> writeCodec;
    private final TypeSerializer<Object> readUserKey;
    private final TypeSerializer<Object> writeUserKey;

    /**
     * @param readers the serializers of the stored value parts as written: the value, a list's element,
     *     or a map's user key and user value
     */
    @SuppressWarnings("unchecked")
    StoredValueMigration(RocksDBState<?, ?, ?> state, TypeSerializer<?>[] readers) {
        this.list = state instanceof RocksDBListState;
        this.map = state instanceof RocksDBMapState;
        this.writeCodec = (StoredValueCodec<Object>) state.codec;
        this.readCodec = new StoredValueCodec<>(readers[map ? 1 : 0], writeCodec.ttl());
        this.writeUserKey = map ? (TypeSerializer<Object>) ((RocksDBMapState<?, ?, ?, ?>) state).userKeySerializer() : null;
        this.readUserKey = map ? (TypeSerializer<Object>) readers[0] : null;
    }

    boolean isMap() {
        return map;
    }

    /** Reads one stored value (a list: its size and elements) in the old format and writes it in the new. */
    void migrateValue(DataInputView in, DataOutputView out) throws IOException {
        if (list) {
            int size = in.readInt();
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                writeCodec.write(readCodec.read(in), out);
            }
        } else {
            writeCodec.write(readCodec.read(in), out);
        }
    }

    /** Reads a map state's user key in the old format and writes it in the new. */
    void migrateUserKey(DataInputView in, DataOutputView out) throws IOException {
        writeUserKey.serialize(readUserKey.deserialize(in), out);
    }

    /** Rewrites every entry of the state's column family into the new format. */
    void rewrite(RocksDatabase database, ColumnFamilyHandle column, String description) {
        DataInputDeserializer in = new DataInputDeserializer();
        DataOutputSerializer key = new DataOutputSerializer(64);
        DataOutputSerializer value = new DataOutputSerializer(256);
        try (WriteBatch batch = new WriteBatch(); RocksIterator it = database.iterator(column)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] oldKey = it.key();
                byte[] newKey = oldKey;
                if (map) {
                    int userKeyOffset = CompositeKeyBuilder.Parts.of(oldKey).userKeyOffset();
                    in.setBuffer(oldKey, userKeyOffset, oldKey.length - userKeyOffset);
                    key.clear();
                    key.write(oldKey, 0, userKeyOffset);
                    migrateUserKey(in, key);
                    newKey = key.getCopyOfBuffer();
                    if (!Arrays.equals(oldKey, newKey)) {
                        batch.delete(column, oldKey);
                    }
                }
                in.setBuffer(it.value());
                value.clear();
                migrateValue(in, value);
                batch.put(column, newKey, value.getCopyOfBuffer());
                if (batch.getDataSize() > BATCH_BYTES) {
                    database.write(batch);
                    batch.clear();
                }
            }
            database.write(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("The stored values of " + description + " cannot be migrated to its new "
                    + "serializers: " + e.getMessage(), e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not migrate " + description + ": " + e.getMessage(), e);
        }
    }
}
