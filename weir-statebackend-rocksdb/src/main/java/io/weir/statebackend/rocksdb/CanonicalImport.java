package io.weir.statebackend.rocksdb;

import io.weir.api.state.StateDescriptor;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.state.RestoredKeyGroups;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Writes one state's restored canonical sections (see {@link CanonicalSection}) into its column
 * family. The serializers of the state registered again find where each namespace, key, value and
 * map key ends; the bytes themselves are copied, not re-serialized — unless the state's values need a
 * migration ({@link StoredValueMigration}): then each value (and map key) is read with the old
 * serializers and written with the new ones.
 *
 * <p>Threading: the task's thread only, when the operator registers the state.
 */
final class CanonicalImport {
    private static final int BATCH_BYTES = 4 << 20;

    private CanonicalImport() {}

    static <K> void into(RocksDBKeyedStateBackend<K> backend, RocksDBState<K, ?, ?> state,
            StateDescriptor<?, ?> descriptor, RestoredKeyGroups.Restored restored, StoredValueMigration migration) {
        TypeSerializer<?> keySerializer = backend.keySerializer();
        TypeSerializer<?> namespaceSerializer = state.namespaceSerializer();
        RocksDatabase database = backend.database();
        DataInputDeserializer in = new DataInputDeserializer();
        DataOutputSerializer rocksKey = new DataOutputSerializer(64);
        try (WriteBatch batch = new WriteBatch()) {
            for (Map.Entry<Integer, byte[]> group : restored.sections().entrySet()) {
                byte[] bytes = group.getValue();
                in.setBuffer(bytes);
                int count = in.readInt();
                for (int i = 0; i < count; i++) {
                    int namespaceStart = in.getPosition();
                    namespaceSerializer.deserialize(in);
                    int keyStart = in.getPosition();
                    keySerializer.deserialize(in);
                    int valueStart = in.getPosition();
                    rocksKey.clear();
                    rocksKey.writeShort(group.getKey());
                    rocksKey.writeInt(valueStart - keyStart);
                    rocksKey.write(bytes, keyStart, valueStart - keyStart);
                    rocksKey.writeInt(keyStart - namespaceStart);
                    rocksKey.write(bytes, namespaceStart, keyStart - namespaceStart);
                    if (migration == null) {
                        writeValue(descriptor, state, in, bytes, rocksKey, batch);
                    } else {
                        migrateValue(migration, state, in, rocksKey, batch);
                    }
                }
                if (batch.getDataSize() > BATCH_BYTES) {
                    database.write(batch);
                    batch.clear();
                }
            }
            database.write(batch);
        } catch (IOException e) {
            throw new UncheckedIOException("The checkpointed values of state '" + descriptor.getName()
                    + "' of operator '" + backend.operatorName() + "' are unreadable: " + e.getMessage(), e);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not restore state '" + descriptor.getName()
                    + "' of operator '" + backend.operatorName() + "': " + e.getMessage(), e);
        }
    }

    /** Reads one stored value (or a map's entries) in the old format and puts it in the new under {@code rocksKey}. */
    private static void migrateValue(StoredValueMigration migration, RocksDBState<?, ?, ?> state,
            DataInputDeserializer in, DataOutputSerializer rocksKey, WriteBatch batch) throws IOException, RocksDBException {
        DataOutputSerializer value = new DataOutputSerializer(256);
        if (!migration.isMap()) {
            migration.migrateValue(in, value);
            batch.put(state.column, rocksKey.getCopyOfBuffer(), value.getCopyOfBuffer());
            return;
        }
        int prefixLength = rocksKey.length();
        for (int n = in.readInt(); n > 0; n--) {
            rocksKey.setPosition(prefixLength);
            migration.migrateUserKey(in, rocksKey);
            value.clear();
            migration.migrateValue(in, value);
            batch.put(state.column, rocksKey.getCopyOfBuffer(), value.getCopyOfBuffer());
        }
    }

    /** Reads past one stored value (a value, a list, or a map's entries) and puts it under {@code rocksKey}. */
    private static void writeValue(StateDescriptor<?, ?> descriptor, RocksDBState<?, ?, ?> state,
            DataInputDeserializer in, byte[] bytes, DataOutputSerializer rocksKey, WriteBatch batch)
            throws IOException, RocksDBException {
        int valueStart = in.getPosition();
        switch (descriptor.getType()) {
            case LIST:
                for (int n = in.readInt(); n > 0; n--) {
                    state.codec.read(in);
                }
                batch.put(state.column, rocksKey.getCopyOfBuffer(), Arrays.copyOfRange(bytes, valueStart, in.getPosition()));
                break;
            case MAP:
                TypeSerializer<?> userKeySerializer = ((RocksDBMapState<?, ?, ?, ?>) state).userKeySerializer();
                int prefixLength = rocksKey.length();
                for (int n = in.readInt(); n > 0; n--) {
                    int userKeyStart = in.getPosition();
                    userKeySerializer.deserialize(in);
                    int entryValueStart = in.getPosition();
                    state.codec.read(in);
                    rocksKey.setPosition(prefixLength);
                    rocksKey.write(bytes, userKeyStart, entryValueStart - userKeyStart);
                    batch.put(state.column, rocksKey.getCopyOfBuffer(),
                            Arrays.copyOfRange(bytes, entryValueStart, in.getPosition()));
                }
                break;
            default:
                state.codec.read(in);
                batch.put(state.column, rocksKey.getCopyOfBuffer(), Arrays.copyOfRange(bytes, valueStart, in.getPosition()));
        }
    }
}
