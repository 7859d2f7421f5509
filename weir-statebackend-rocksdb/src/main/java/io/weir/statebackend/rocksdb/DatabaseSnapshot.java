package io.weir.statebackend.rocksdb;

import java.io.IOException;
import java.util.Map;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;

/**
 * A point-in-time view of a {@link RocksDatabase}, taken on the task's thread at a checkpoint
 * barrier and read by the checkpoint I/O thread: writes after it are invisible to its iterators.
 * It is shared by the {@link CanonicalSection}s of one checkpoint, each holding it once; it is
 * released when the last of them lets go ({@link #release}), or when the database closes,
 * whichever comes first.
 *
 * <p>The view is one iterator per state's column family, all opened at the barrier: an iterator
 * reads the database as of its creation (its sequence number, its memtables and files pinned). A
 * RocksDB {@code Snapshot} cannot be used: the database updates memtable values in place, which
 * RocksDB does not support together with snapshots (see {@link RocksDatabase}).
 *
 * <p>Contract for readers: take an iterator only through {@link #beginRead} (each column's once),
 * close it, then call {@link #endRead}; between the two the database is not closed (its
 * {@link RocksDatabase#close} waits), and a long read asks {@link #aborted} now and then and gives
 * up when the database is closing.
 *
 * <p>Threading: created on the task's thread, read from one other thread, released from either;
 * its state is guarded by the database's monitor.
 */
final class DatabaseSnapshot {
    private final RocksDatabase database;
    final ReadOptions readOptions;
    /** The iterators not handed to a reader yet, by column family; guarded by the database. */
    final Map<ColumnFamilyHandle, RocksIterator> iterators;
    /** Sections that have not released it yet; guarded by the database. */
    private int holders;
    /** Whether the snapshot is released; guarded by the database. */
    boolean released;

    DatabaseSnapshot(RocksDatabase database, ReadOptions readOptions, Map<ColumnFamilyHandle, RocksIterator> iterators,
            int holders) {
        this.database = database;
        this.readOptions = readOptions;
        this.iterators = iterators;
        this.holders = holders;
    }

    /**
     * The iterator over {@code column} as it was at the snapshot, not positioned yet; fails when the
     * snapshot is released or the database is closing (the task ended before the checkpoint was
     * written).
     */
    RocksIterator beginRead(ColumnFamilyHandle column) throws IOException {
        return database.beginRead(this, column);
    }

    /** The iterator of {@link #beginRead} is closed. */
    void endRead() {
        database.endRead();
    }

    /** Whether the database is closing: a reader stops and fails its write. */
    boolean aborted() {
        return database.closing();
    }

    /** One holder is done with the snapshot (written, failed or given up); the last one releases it. */
    void release() {
        database.releaseHolder(this);
    }

    /** Called by the database under its monitor: one holder fewer; {@code true} if it was the last. */
    boolean dropHolder() {
        holders--;
        return holders <= 0;
    }
}
