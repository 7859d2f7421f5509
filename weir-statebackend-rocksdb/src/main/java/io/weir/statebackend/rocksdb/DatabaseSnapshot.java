package io.weir.statebackend.rocksdb;

import java.io.IOException;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/**
 * A point-in-time view of a {@link RocksDatabase}, taken on the task's thread at a checkpoint
 * barrier and read by the checkpoint I/O thread: writes after it are invisible to its iterators.
 * It is shared by the {@link CanonicalSection}s of one checkpoint, each holding it once; the RocksDB
 * snapshot is released when the last of them lets go ({@link #release}), or when the database
 * closes, whichever comes first.
 *
 * <p>Contract for readers: open iterators only through {@link #beginRead}, close them, then call
 * {@link #endRead}; between the two the database is not closed (its {@link RocksDatabase#close}
 * waits), and a long read asks {@link #aborted} now and then and gives up when the database is
 * closing.
 *
 * <p>Threading: created on the task's thread, read from one other thread, released from either;
 * its state is guarded by the database's monitor.
 */
final class DatabaseSnapshot {
    private final RocksDatabase database;
    final Snapshot snapshot;
    final ReadOptions readOptions;
    /** Sections that have not released it yet; guarded by the database. */
    private int holders;
    /** Whether the RocksDB snapshot is released; guarded by the database. */
    boolean released;

    DatabaseSnapshot(RocksDatabase database, Snapshot snapshot, int holders) {
        this.database = database;
        this.snapshot = snapshot;
        // a checkpoint scan reads everything once: keep it out of the block cache the task's reads use
        this.readOptions = new ReadOptions().setSnapshot(snapshot).setFillCache(false);
        this.holders = holders;
    }

    /**
     * An iterator over {@code column} as it was at the snapshot; fails when the snapshot is
     * released or the database is closing (the task ended before the checkpoint was written).
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
