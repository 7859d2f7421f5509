package io.weir.statebackend.rocksdb;

import io.weir.api.state.AggregatingStateDescriptor;
import io.weir.api.state.MapStateDescriptor;
import io.weir.api.state.ReducingStateDescriptor;
import io.weir.api.state.State;
import io.weir.api.state.StateDescriptor;
import io.weir.api.state.VoidNamespace;
import io.weir.api.state.VoidNamespaceSerializer;
import io.weir.api.types.DataInputDeserializer;
import io.weir.api.types.DataOutputSerializer;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.KeyedStateFiles;
import io.weir.runtime.state.AbstractKeyedStateBackend;
import io.weir.runtime.state.InternalKvState;
import io.weir.runtime.state.KeyGroupsWriter;
import io.weir.runtime.state.KeyedBackendParameters;
import io.weir.runtime.state.KeyedStateSnapshot;
import io.weir.runtime.state.RestoredKeyGroups;
import io.weir.runtime.state.SectionHeader;
import io.weir.runtime.state.TtlStateFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Keyed state in an embedded RocksDB: one column family per state, keys prefixed by their key
 * group ({@link CompositeKeyBuilder}), values serialized on every write and deserialized on every
 * read. Timers stay on the heap (see {@link AbstractKeyedStateBackend}).
 *
 * <h2>Snapshots</h2>
 * A canonical snapshot (savepoints, and checkpoints unless they are incremental) iterates every
 * column family key group by key group and writes the same bytes the heap backend writes
 * ({@link CanonicalSection}), so either backend restores it. For a checkpoint the task's thread
 * only takes a view of the database ({@link DatabaseSnapshot}: iterators opened at the barrier,
 * with the headers and timers); the
 * checkpoint I/O thread iterates it and the last section written releases it. A savepoint is
 * written on the task's thread, as the task may end right after it (stop-with-savepoint). An incremental checkpoint asks RocksDB
 * for a checkpoint of the database (hard links to its immutable files, in the working directory)
 * and hands the directory to checkpoint storage, which stores files it has not stored before.
 *
 * <h2>Restore</h2>
 * Canonical state is imported into the database when the operator registers the state again
 * (with the same compatibility check as the heap backend). Files of one checkpoint with exactly
 * this subtask's key groups become the database directly; otherwise (after a rescale) every
 * checkpoint's database is opened aside and the entries of this subtask's key groups are copied
 * over ({@link RocksDBFileRestore}).
 *
 * <p>Working directory {@code <state.backend.rocksdb.localdir>/weir-rocksdb-<uuid>}, deleted by
 * {@link #dispose()} when the task ends.
 *
 * <p>Threading: the task's thread only; a checkpoint's sections are read on the checkpoint I/O
 * thread, and {@link #dispose()} waits for such a read and releases snapshots never read (see
 * {@link RocksDatabase#close}).
 */
final class RocksDBKeyedStateBackend<K> extends AbstractKeyedStateBackend<K> {
    private final Path workingDirectory;
    private final boolean incremental;
    /** Entries of each reducing or aggregating state's {@link AccumulatorCache}; 0: no cache. */
    private final int cacheEntries;
    private final String instanceId = UUID.randomUUID().toString();
    private final CompositeKeyBuilder<K> keyBuilder;
    private final Map<String, RocksDBState<K, ?, ?>> states = new HashMap<>();
    private final Map<String, StateDescriptor<?, ?>> descriptors = new HashMap<>();
    private final Map<String, State> facades = new HashMap<>();
    /** The headers written into the database, by state. */
    private final Map<String, byte[]> storedHeaders = new HashMap<>();
    /** Data files this database was restored from, by file name, with their absolute paths. */
    private Map<String, KeyedStateFiles.SharedFile> restoredShared = Map.of();
    private RocksDatabase database;
    private int localCheckpoints;

    RocksDBKeyedStateBackend(KeyedBackendParameters<K> parameters, Path localDirectory, boolean incremental,
            int cacheEntries) {
        super(parameters);
        if (keySerializer == null) {
            throw new IllegalStateException("Operator '" + operatorName + "' cannot keep keyed state in RocksDB: its "
                    + "key type is unknown, so keys cannot be serialized. Give the KeySelector's key type (returns(...)) "
                    + "or use state.backend.type: hashmap.");
        }
        this.workingDirectory = localDirectory.resolve("weir-rocksdb-" + instanceId);
        this.incremental = incremental;
        this.cacheEntries = cacheEntries;
        this.keyBuilder = new CompositeKeyBuilder<>(keySerializer);
    }

    String operatorName() {
        return operatorName;
    }

    TypeSerializer<K> keySerializer() {
        return keySerializer;
    }

    CompositeKeyBuilder<K> keyBuilder() {
        return keyBuilder;
    }

    /** The database, opened (empty) on first use. */
    RocksDatabase database() {
        if (database == null) {
            database = openDatabase();
        }
        return database;
    }

    private RocksDatabase openDatabase() {
        try {
            return RocksDatabase.open(workingDirectory.resolve("db"));
        } catch (IOException e) {
            throw new UncheckedIOException("Operator '" + operatorName + "' cannot open its RocksDB under "
                    + workingDirectory + " (state.backend.rocksdb.localdir): " + e.getMessage(), e);
        }
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    protected void onKeyChanged() {
        keyBuilder.setKey(getCurrentKey(), currentKeyGroup());
    }

    @Override
    public <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor) {
        return getPartitionedState(descriptor, VoidNamespaceSerializer.INSTANCE);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <N, S extends State> S getPartitionedState(N namespace, TypeSerializer<N> namespaceSerializer,
            StateDescriptor<S, ?> descriptor) {
        S state = getPartitionedState(descriptor, namespaceSerializer);
        ((InternalKvState<N>) state).setCurrentNamespace(namespace);
        return state;
    }

    @SuppressWarnings("unchecked")
    private <S extends State> S getPartitionedState(StateDescriptor<S, ?> descriptor,
            TypeSerializer<?> namespaceSerializer) {
        String name = descriptor.getName();
        RocksDBState<K, ?, ?> existing = states.get(name);
        if (existing != null) {
            StateDescriptor<?, ?> previous = descriptors.get(name);
            if (previous.getType() != descriptor.getType()) {
                throw new IllegalStateException("State '" + name + "' of operator '" + operatorName
                        + "' was registered as " + previous.getType() + " state and is now requested as "
                        + descriptor.getType() + " state. Use a different name for each state.");
            }
            existing.useNamespaceSerializer(namespaceSerializer);
            return (S) facades.get(name);
        }
        RocksDBState<K, ?, ?> state = create(descriptor);
        state.useNamespaceSerializer(namespaceSerializer);
        SectionHeader header = header(descriptor, state);
        checkStoredHeader(name, header, state);
        RestoredKeyGroups.Restored restored = takeRestoredState(name);
        if (restored != null) {
            TypeSerializer<?>[] readers = checkCompatible(restored.header(), header, state.namespaceSerializer(),
                    valueSerializers(state));
            CanonicalImport.into(this, state, descriptor, restored,
                    readers == null ? null : new StoredValueMigration(state, readers));
        }
        states.put(name, state);
        descriptors.put(name, descriptor);
        State facade = descriptor.getTtlConfig().isEnabled()
                ? TtlStateFactory.wrap(descriptor, (State) state, ttlClock()) : (State) state;
        facades.put(name, facade);
        return (S) facade;
    }

    SectionHeader header(StateDescriptor<?, ?> descriptor, RocksDBState<K, ?, ?> state) {
        return SectionHeader.ofState(descriptor, serializerConfig, keySerializer, state.namespaceSerializer());
    }

    /**
     * A database restored from files knows the header its state was written with: it must be
     * compatible, and when the values need a migration the state's column family is rewritten now.
     */
    private void checkStoredHeader(String name, SectionHeader now, RocksDBState<K, ?, ?> state) {
        SectionHeader before;
        try {
            byte[] stored = database().header(name);
            if (stored == null) {
                return;
            }
            before = SectionHeader.read(new DataInputDeserializer(stored));
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("The restored header of state '" + name + "' of operator '" + operatorName
                    + "' is unreadable: " + e.getMessage(), e);
        }
        TypeSerializer<?>[] readers = checkCompatible(before, now, state.namespaceSerializer(), valueSerializers(state));
        if (readers != null) {
            new StoredValueMigration(state, readers).rewrite(database, state.column,
                    "state '" + name + "' of operator '" + operatorName + "'");
        }
    }

    /** The serializers of a state's stored value parts, in the order of its header's snapshots. */
    private static TypeSerializer<?>[] valueSerializers(RocksDBState<?, ?, ?> state) {
        return state instanceof RocksDBMapState<?, ?, ?, ?> map
                ? new TypeSerializer<?>[] {map.userKeySerializer(), state.codec.serializer()}
                : new TypeSerializer<?>[] {state.codec.serializer()};
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private RocksDBState<K, ?, ?> create(StateDescriptor<?, ?> descriptor) {
        String name = descriptor.getName();
        ColumnFamilyHandle column;
        try {
            column = database().columnFamily(name);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB cannot create the column family of state '" + name
                    + "' of operator '" + operatorName + "': " + e.getMessage(), e);
        }
        boolean ttl = descriptor.getTtlConfig().isEnabled();
        StoredValueCodec codec = new StoredValueCodec<>(descriptor.getTypeInformation().createSerializer(serializerConfig),
                ttl);
        switch (descriptor.getType()) {
            case VALUE:
                return new RocksDBValueState<>(this, name, column, codec);
            case LIST:
                return new RocksDBListState<>(this, name, column, codec);
            case MAP:
                MapStateDescriptor<?, ?> map = (MapStateDescriptor<?, ?>) descriptor;
                return new RocksDBMapState<>(this, name, column, map.getKeyTypeInformation().createSerializer(
                        serializerConfig), new StoredValueCodec<>(map.getValueTypeInformation().createSerializer(
                                serializerConfig), ttl));
            case REDUCING:
                return ttl ? new RocksDBValueState<>(this, name, column, codec) : cached(new RocksDBReducingState<>(
                        this, name, column, codec, ((ReducingStateDescriptor) descriptor).getReduceFunction()));
            case AGGREGATING:
                return ttl ? new RocksDBValueState<>(this, name, column, codec) : cached(new RocksDBAggregatingState<>(
                        this, name, column, codec, ((AggregatingStateDescriptor) descriptor).getAggregateFunction()));
            default:
                throw new IllegalArgumentException("Unknown state type " + descriptor.getType());
        }
    }

    private RocksDBState<K, ?, ?> cached(RocksDBState<K, ?, ?> state) {
        state.useCache(cacheEntries);
        return state;
    }

    /**
     * Writes every state's cached changes to RocksDB: before anything reads the database other
     * than through the states (snapshots, key listings).
     */
    private void flushCaches() {
        for (RocksDBState<K, ?, ?> state : states.values()) {
            state.flushCache();
        }
    }

    @Override
    protected boolean hasRegisteredState() {
        return !states.isEmpty();
    }

    @Override
    protected void restoreFiles(List<KeyedStateFiles> files) {
        if (database != null) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName
                    + "' must be restored before the operator uses it.");
        }
        RocksDBFileRestore restore = new RocksDBFileRestore(operatorName, keyGroupRange, workingDirectory);
        try {
            restoredShared = restore.restoreInto(files, workingDirectory.resolve("db"));
        } catch (IOException | RocksDBException e) {
            throw new IllegalStateException("The RocksDB checkpoint of operator '" + operatorName
                    + "' cannot be restored: " + e.getMessage(), e);
        }
        database = openDatabase();
    }

    @Override
    public KeyedStateSnapshot snapshot(long checkpointId, boolean canonical) {
        if (database == null) {
            return new KeyedStateSnapshot(writeKeyGroups(List.of(), false), null);
        }
        flushCaches();
        storeHeaders();
        if (canonical || !incremental) {
            List<KeyGroupsWriter.Section> sections = canonicalSections();
            // a savepoint is written now (the task may end right after it, as in stop-with-savepoint); a
            // checkpoint's sections are read by the checkpoint I/O thread through the database snapshot
            return new KeyedStateSnapshot(canonical ? writeKeyGroups(sections, true)
                    : deferredKeyGroups(sections, true), null);
        }
        Path directory = workingDirectory.resolve("chk-" + checkpointId + "-" + localCheckpoints++);
        try {
            database.checkpointTo(directory);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB could not take checkpoint " + checkpointId + " of operator '"
                    + operatorName + "' into " + directory + ": " + e.getMessage(), e);
        }
        KeyedStateFiles.Local files = new KeyedStateFiles.Local(EmbeddedRocksDBStateBackend.NAME, keyGroupRange,
                directory, instanceId, restoredShared);
        return new KeyedStateSnapshot(writeKeyGroups(List.of(), true), files);
    }

    /**
     * One section per column family, all reading one database snapshot taken now, which the last
     * section to be written releases.
     */
    private List<KeyGroupsWriter.Section> canonicalSections() {
        Map<String, ColumnFamilyHandle> columns = database.states();
        List<SectionHeader> headers = new ArrayList<>();
        for (String name : columns.keySet()) {
            headers.add(storedHeader(name));
        }
        DatabaseSnapshot snapshot = database.snapshot(columns.size());
        List<KeyGroupsWriter.Section> sections = new ArrayList<>();
        int i = 0;
        for (ColumnFamilyHandle column : columns.values()) {
            sections.add(new CanonicalSection(headers.get(i++), snapshot, column));
        }
        if (sections.isEmpty()) {
            snapshot.release();
        }
        return sections;
    }

    /**
     * Writes the header of every registered state into the database, as its namespace serializer is
     * now; only changed ones, so an unchanged database gets no new file for them.
     */
    private void storeHeaders() {
        DataOutputSerializer out = new DataOutputSerializer(128);
        try {
            for (RocksDBState<K, ?, ?> state : states.values()) {
                out.clear();
                header(descriptors.get(state.name()), state).write(out);
                byte[] header = out.getCopyOfBuffer();
                if (!java.util.Arrays.equals(header, storedHeaders.get(state.name()))) {
                    database.putHeader(state.name(), header);
                    storedHeaders.put(state.name(), header);
                }
            }
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("RocksDB could not store the state headers of operator '" + operatorName
                    + "': " + e.getMessage(), e);
        }
    }

    private SectionHeader storedHeader(String name) {
        try {
            byte[] bytes = database.header(name);
            if (bytes == null) {
                throw new IllegalStateException("State '" + name + "' of operator '" + operatorName
                        + "' has no header in RocksDB");
            }
            return SectionHeader.read(new DataInputDeserializer(bytes));
        } catch (RocksDBException | IOException e) {
            throw new IllegalStateException("The header of state '" + name + "' of operator '" + operatorName
                    + "' is unreadable: " + e.getMessage(), e);
        }
    }

    @Override
    public int numKeyValueStateEntries() {
        if (database == null) {
            return 0;
        }
        flushCaches();
        int n = 0;
        for (ColumnFamilyHandle column : database.states().values()) {
            byte[] previousPrefix = null;
            try (RocksIterator it = database.iterator(column)) {
                for (it.seekToFirst(); it.isValid(); it.next()) {
                    byte[] key = it.key();
                    CompositeKeyBuilder.Parts parts = CompositeKeyBuilder.Parts.of(key);
                    boolean samePrefix = previousPrefix != null && parts.prefixLength() == previousPrefix.length
                            && RocksDBMapState.startsWith(key, previousPrefix);
                    if (!samePrefix) {
                        n++;
                        previousPrefix = java.util.Arrays.copyOf(key, parts.prefixLength());
                    }
                }
            }
        }
        return n;
    }

    /** The keys that have a value in the named state (in the default namespace). */
    @Override
    public List<K> getKeys(String stateName) {
        if (database == null || !database.states().containsKey(stateName)) {
            return List.of();
        }
        flushCaches();
        LinkedHashSet<K> keys = new LinkedHashSet<>();
        byte[] voidNamespace = serializedVoidNamespace();
        try (RocksIterator it = database.iterator(database.states().get(stateName))) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] key = it.key();
                CompositeKeyBuilder.Parts parts = CompositeKeyBuilder.Parts.of(key);
                if (java.util.Arrays.equals(key, parts.namespaceOffset(),
                        parts.namespaceOffset() + parts.namespaceLength(), voidNamespace, 0, voidNamespace.length)) {
                    keys.add(parts.key(key, keySerializer));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("State '" + stateName + "' of operator '" + operatorName
                    + "' holds an unreadable key: " + e.getMessage(), e);
        }
        return new ArrayList<>(keys);
    }

    private static byte[] serializedVoidNamespace() {
        try {
            DataOutputSerializer out = new DataOutputSerializer(8);
            VoidNamespaceSerializer.INSTANCE.serialize(VoidNamespace.INSTANCE, out);
            return out.getCopyOfBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void dispose() {
        for (RocksDBState<K, ?, ?> state : states.values()) {
            state.discardCache();
        }
        if (database != null) {
            database.close();
            database = null;
        }
        RocksDBFileRestore.deleteRecursively(workingDirectory);
    }
}
