package io.weir.runtime.state;

import io.weir.api.operators.KeyedStateBackend;
import io.weir.api.types.SerializerConfig;
import io.weir.api.types.TypeSerializer;
import io.weir.runtime.checkpoint.KeyedStateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What every keyed state backend shares, whatever keeps the values: the current key and its key
 * group, the key-group range the subtask owns, the operator's timers (kept on the heap, per key
 * group, by {@link HeapTimerServices}), the clock state TTL runs on, and the restored key groups
 * that are not registered again yet.
 *
 * <h2>Snapshots</h2>
 * A snapshot is one byte array per key group in the canonical format of {@link KeyGroupsWriter}
 * (the same for every backend, so savepoints can move between backends), plus, for a backend that
 * checkpoints files, the files of the checkpoint ({@link KeyedStateFiles}). Timers and restored
 * state not registered again always travel in the key-group bytes.
 *
 * <p>Threading: used by the task's thread only.
 */
public abstract class AbstractKeyedStateBackend<K> implements KeyedStateBackend<K> {
    protected final String operatorName;
    protected final int subtaskIndex;
    protected final int maxParallelism;
    protected final KeyGroupRange keyGroupRange;
    protected final SerializerConfig serializerConfig;
    /** Writes keys into snapshots; {@code null} if the key type is unknown (then snapshots of state fail). */
    protected final TypeSerializer<K> keySerializer;
    private RestoredKeyGroups restored = new RestoredKeyGroups();
    private HeapTimerServices<K> timerServices;
    private LongSupplier ttlClock = System::currentTimeMillis;
    private K currentKey;
    /** The current key's group, or -1 until {@link #currentKeyGroup} computes it. */
    private int currentKeyGroup = -1;
    private boolean keySet;

    protected AbstractKeyedStateBackend(KeyedBackendParameters<K> parameters) {
        this.operatorName = parameters.operatorName();
        this.subtaskIndex = parameters.subtaskIndex();
        this.maxParallelism = parameters.maxParallelism();
        this.keyGroupRange = parameters.keyGroupRange();
        this.serializerConfig = parameters.serializerConfig();
        this.keySerializer = parameters.keySerializer();
    }

    /**
     * Makes {@code key} the current key. Its key group is computed when first needed (see
     * {@link #currentKeyGroup}), so that a keyed operator that uses no state (a sink after
     * {@code keyBy}) does not hash every key.
     */
    @Override
    public void setCurrentKey(K key) {
        this.currentKey = key;
        this.currentKeyGroup = -1;
        this.keySet = true;
        onKeyChanged();
    }

    /** Called after every {@link #setCurrentKey}: room for per-record work such as TTL cleanup. */
    protected void onKeyChanged() {}

    @Override
    public K getCurrentKey() {
        return currentKey;
    }

    /**
     * The key group of the current key; fails when no key is set, or when the key belongs to a key
     * group this subtask does not own (a KeySelector that is not deterministic).
     */
    public int currentKeyGroup() {
        int keyGroup = currentKeyGroup;
        return keyGroup >= 0 ? keyGroup : assignCurrentKeyGroup();
    }

    private int assignCurrentKeyGroup() {
        if (!keySet) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName
                    + "' was used outside of the processing of an element: no key is set.");
        }
        int keyGroup = KeyGroupAssignment.assignToKeyGroup(currentKey, maxParallelism);
        if (!keyGroupRange.contains(keyGroup)) {
            throw new IllegalStateException("Key '" + currentKey + "' in operator '" + operatorName + "' belongs to key"
                    + " group " + keyGroup + ", which subtask " + subtaskIndex + " does not own (it owns "
                    + keyGroupRange.start() + ".." + keyGroupRange.end() + "). The KeySelector must return the same key"
                    + " for the same element every time, and the key's hashCode() must be stable (not identity-based).");
        }
        currentKeyGroup = keyGroup;
        return keyGroup;
    }

    public KeyGroupRange getKeyGroupRange() {
        return keyGroupRange;
    }

    public int getMaxParallelism() {
        return maxParallelism;
    }

    /** The clock state TTL is measured on: the task's processing time (a manual clock in harnesses). */
    public void setTtlTimeProvider(LongSupplier clock) {
        this.ttlClock = clock;
    }

    /** The current time of the TTL clock. */
    protected final long ttlTime() {
        return ttlClock.getAsLong();
    }

    protected final LongSupplier ttlClock() {
        return () -> ttlClock.getAsLong();
    }

    /**
     * Takes this backend's key groups out of checkpointed keyed state: {@code keyGroups} may hold
     * other groups too (when restoring at another parallelism), which are ignored; {@code files}
     * are checkpoints of file-based backends whose ranges overlap this backend's. Call before the
     * operator registers any state.
     */
    public final void restore(Map<Integer, byte[]> keyGroups, List<KeyedStateFiles> files) {
        if (hasRegisteredState() || timerServices != null && timerServices.numEventTimeTimers()
                + timerServices.numProcessingTimeTimers() > 0) {
            throw new IllegalStateException("Keyed state of operator '" + operatorName
                    + "' must be restored before the operator uses it.");
        }
        restored = RestoredKeyGroups.parse(keyGroups, keyGroupRange, operatorName);
        if (!files.isEmpty()) {
            restoreFiles(files);
        }
    }

    /** Restores from file checkpoints; a backend that takes none refuses them with a clear error. */
    protected void restoreFiles(List<KeyedStateFiles> files) {
        throw new IllegalStateException("The keyed state of operator '" + operatorName + "' was checkpointed by the "
                + files.get(0).backend() + " state backend as files, which the " + getClass().getSimpleName()
                + " cannot read. Restore with state.backend.type: " + files.get(0).backend()
                + ", or take a savepoint (canonical format) and restore from it.");
    }

    protected abstract boolean hasRegisteredState();

    /**
     * Takes checkpoint {@code checkpointId} of the keyed state and timers, synchronously: the
     * result does not change with the state afterwards.
     *
     * @param canonical whether a self-contained, backend-independent snapshot is required (a
     *     savepoint): then every state is written as key-group bytes, never as files
     */
    public abstract KeyedStateSnapshot snapshot(long checkpointId, boolean canonical);

    /** Checkpoint {@code checkpointId} completed. */
    public void notifyCheckpointComplete(long checkpointId) {}

    /** The task ended: frees what the backend holds outside the heap (native memory, local files). */
    public void dispose() {}

    /** Removes and returns the restored state with this name, or {@code null}. */
    protected final RestoredKeyGroups.Restored takeRestoredState(String name) {
        return restored.takeState(name);
    }

    /**
     * Writes {@code stateSections}, the timers and the restored state never registered again into
     * one byte array per key group (groups without any are left out).
     */
    protected final Map<Integer, byte[]> writeKeyGroups(List<? extends KeyGroupsWriter.Section> stateSections,
            boolean hasState) {
        try {
            return KeyGroupsWriter.writeAndRelease(keyGroupRange, sections(stateSections, hasState, false));
        } catch (IOException e) {
            throw new UncheckedIOException("Snapshotting the keyed state of operator '" + operatorName + "' failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Like {@link #writeKeyGroups}, but the state sections' bytes are written when the result is
     * first read (on the checkpoint I/O thread): the sections must read what they captured now, as
     * heap states' copy-on-write sections do. The timers are written now.
     */
    protected final Map<Integer, byte[]> deferredKeyGroups(List<? extends KeyGroupsWriter.Section> stateSections,
            boolean hasState) {
        List<KeyGroupsWriter.Section> sections;
        try {
            sections = sections(stateSections, hasState, true);
        } catch (IOException e) {
            stateSections.forEach(KeyGroupsWriter.Section::releaseAll);
            throw new UncheckedIOException("Snapshotting the timers of operator '" + operatorName + "' failed: "
                    + e.getMessage(), e);
        }
        KeyGroupRange range = keyGroupRange;
        return new io.weir.runtime.checkpoint.DeferredKeyGroups(() -> KeyGroupsWriter.writeAndRelease(range, sections));
    }

    /** The state sections, then the timers' (written now if {@code timersNow}), then restored state not claimed. */
    private List<KeyGroupsWriter.Section> sections(List<? extends KeyGroupsWriter.Section> stateSections,
            boolean hasState, boolean timersNow) throws IOException {
        List<KeyGroupsWriter.Section> sections = new ArrayList<>(stateSections);
        if (keySerializer == null && (hasState || timerServices != null
                && timerServices.numEventTimeTimers() + timerServices.numProcessingTimeTimers() > 0)) {
            stateSections.forEach(KeyGroupsWriter.Section::releaseAll);
            throw new IllegalStateException("The keyed state of operator '" + operatorName + "' cannot be "
                    + "snapshotted: its backend was created without a key serializer (the key type is unknown).");
        }
        if (timerServices != null) {
            for (KeyGroupsWriter.Section timers : timerServices.snapshotSections(keySerializer)) {
                sections.add(timersNow ? KeyGroupsWriter.writtenNow(keyGroupRange, timers) : timers);
            }
        }
        for (RestoredKeyGroups.Restored unclaimed : restored.unclaimed().values()) {
            sections.add(KeyGroupsWriter.unclaimed(unclaimed));
        }
        return sections;
    }

    void attachTimerServices(HeapTimerServices<K> services) {
        if (timerServices != null) {
            throw new IllegalStateException("Operator '" + operatorName + "' already has timer services.");
        }
        timerServices = services;
    }

    /** Adds the restored timers of the service {@code name}, if the checkpoint had any. */
    void restoreTimers(String name, HeapInternalTimerService<K, ?> service) {
        RestoredKeyGroups.Restored timers = restored.takeTimers(name);
        if (timers != null) {
            try {
                service.restore(timers, keySerializer, operatorName);
            } catch (IOException e) {
                throw new UncheckedIOException("The checkpointed timers '" + name + "' of operator '" + operatorName
                        + "' are unreadable: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Checks a restored state's header against the header of the state registered again, whose
     * stored parts {@code partsNow} (key, namespace, values) serialize; fails when they are
     * incompatible (see {@link StoredSchema}).
     *
     * @return {@code null} when the stored values are read as they are, else the serializers that
     *     read them, for a migration to the new ones
     */
    protected final TypeSerializer<?>[] checkCompatible(SectionHeader before, SectionHeader now,
            TypeSerializer<?> namespaceSerializer, TypeSerializer<?>[] valueSerializers) {
        return StoredSchema.valueReaders(operatorName, before, now,
                SectionHeader.parts(keySerializer, namespaceSerializer, valueSerializers));
    }
}
