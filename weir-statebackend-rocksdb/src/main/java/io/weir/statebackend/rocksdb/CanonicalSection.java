package io.weir.statebackend.rocksdb;

import io.weir.api.types.DataOutputSerializer;
import io.weir.runtime.state.KeyGroupsWriter;
import io.weir.runtime.state.SectionHeader;
import java.io.IOException;
import java.util.Arrays;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksIterator;

/**
 * One state's part of a canonical snapshot, read from its column family: per key group the number
 * of entries, then per entry the namespace, the key and the stored value, exactly as the heap
 * backend writes them. Made by copying bytes: the key's parts are length-prefixed in RocksDB
 * ({@link CompositeKeyBuilder}) and values are stored in the canonical form, so no serializer is
 * needed and state never registered since a restore is written too. The entries of one key and
 * namespace of a map state become one entry holding the map (size, then key and value per entry).
 *
 * <p>It reads the column family through a {@link DatabaseSnapshot} taken at the barrier, so what it
 * writes is the state at the snapshot whenever it runs, and releases its hold on the snapshot when
 * the writing ends ({@link #releaseAll}), which also closes its iterator: it stays open from the
 * first key group written to the last.
 *
 * <p>Threading: any one thread at a time — the task's thread for a savepoint, the checkpoint I/O
 * thread for a checkpoint, while the task goes on writing to the database.
 */
final class CanonicalSection implements KeyGroupsWriter.Section {
    private final SectionHeader header;
    /** How many entries a reader copies between two checks whether the task ended meanwhile. */
    private static final int ENTRIES_BETWEEN_ABORT_CHECKS = 4096;
    private final DatabaseSnapshot snapshot;
    private final ColumnFamilyHandle column;
    /**
     * One iterator for all key groups, asked for in ascending order: one pass over the column
     * family. Seeking each key group anew would step over the same deleted entries again and again
     * (a seek into a range of tombstones walks it to the next live key, however far).
     */
    private RocksIterator iterator;
    private boolean released;
    private final boolean map;
    private final DataOutputSerializer entries = new DataOutputSerializer(4096);

    CanonicalSection(SectionHeader header, DatabaseSnapshot snapshot, ColumnFamilyHandle column) {
        this.header = header;
        this.snapshot = snapshot;
        this.column = column;
        this.map = "MAP".equals(header.kind());
    }

    @Override
    public SectionHeader header() {
        return header;
    }

    @Override
    public boolean write(int keyGroup, DataOutputSerializer out) throws IOException {
        entries.clear();
        int count = 0;
        byte[] groupPrefix = null;
        int mapSizeField = -1;
        int mapSize = 0;
        int sinceCheck = 0;
        checkNotAborted();
        RocksIterator it = positionAt(keyGroup);
        for (; it.isValid() && CompositeKeyBuilder.keyGroupOf(it.key()) == keyGroup; it.next()) {
            if (++sinceCheck == ENTRIES_BETWEEN_ABORT_CHECKS) {
                sinceCheck = 0;
                checkNotAborted();
            }
            byte[] key = it.key();
            CompositeKeyBuilder.Parts parts = CompositeKeyBuilder.Parts.of(key);
            boolean sameMap = map && groupPrefix != null && parts.prefixLength() == groupPrefix.length
                    && Arrays.equals(key, 0, groupPrefix.length, groupPrefix, 0, groupPrefix.length);
            if (!sameMap) {
                if (mapSizeField >= 0) {
                    patch(mapSizeField, mapSize);
                }
                entries.write(key, parts.namespaceOffset(), parts.namespaceLength());
                entries.write(key, parts.keyOffset(), parts.keyLength());
                count++;
                if (map) {
                    groupPrefix = Arrays.copyOf(key, parts.prefixLength());
                    mapSizeField = entries.length();
                    mapSize = 0;
                    entries.writeInt(0);
                }
            }
            if (map) {
                entries.write(key, parts.userKeyOffset(), key.length - parts.userKeyOffset());
                mapSize++;
            }
            entries.write(it.value());
        }
        if (mapSizeField >= 0) {
            patch(mapSizeField, mapSize);
        }
        if (count == 0) {
            return false;
        }
        out.writeInt(count);
        out.write(entries.getSharedBuffer(), 0, entries.length());
        return true;
    }

    /** The iterator at the first entry of {@code keyGroup} or after it (opened on the first call). */
    private RocksIterator positionAt(int keyGroup) throws IOException {
        if (iterator == null) {
            iterator = snapshot.beginRead(column);
            iterator.seek(CompositeKeyBuilder.keyGroupPrefix(keyGroup));
        } else if (iterator.isValid() && CompositeKeyBuilder.keyGroupOf(iterator.key()) < keyGroup) {
            iterator.seek(CompositeKeyBuilder.keyGroupPrefix(keyGroup));
        }
        return iterator;
    }

    private void checkNotAborted() throws IOException {
        if (snapshot.aborted()) {
            throw new IOException("The task ended while state '" + header.name() + "' was being written into a "
                    + "checkpoint; the checkpoint is given up, a later one will be taken");
        }
    }

    @Override
    public void releaseAll() {
        if (!released) {
            released = true;
            if (iterator != null) {
                iterator.close();
                iterator = null;
                snapshot.endRead();
            }
            snapshot.release();
        }
    }

    private void patch(int position, int value) throws IOException {
        int end = entries.length();
        entries.setPosition(position);
        entries.writeInt(value);
        entries.setPosition(end);
    }
}
