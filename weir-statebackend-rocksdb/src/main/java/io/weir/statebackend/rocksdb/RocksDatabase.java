package io.weir.statebackend.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * One open RocksDB database with a column family per state (named {@code state/<name>}) and, in
 * the default column family, each state's snapshot header ({@code header/<name>}), so that a
 * database restored from files knows what its states are without the operator registering them.
 *
 * <p>The write-ahead log is off: the database is rebuilt from a checkpoint after any failure, never
 * recovered from its own log, and a checkpoint flushes the memtables into files first.
 *
 * <p>Memtables update values in place ({@code inplace_update_support}): writing a key that is in
 * the active memtable overwrites its value there when the new one is no larger, instead of adding a
 * version. Keys written again and again (a window's accumulator, a counter) then keep one small
 * memtable entry each, which reads find in cache, rather than a memtable of millions of versions
 * that fills, flushes and compacts. An in-place update keeps the entry's sequence number, so a
 * snapshot would see values written after it in the active memtable: {@link #snapshot} therefore
 * first turns the active memtables immutable (a flush it does not wait for), so every entry a later
 * write may overwrite is newer than the snapshot. (RocksDB's own {@code Snapshot} is not available
 * with in-place updates; a {@link DatabaseSnapshot} is iterators opened at once instead.)
 *
 * <p>Threading: the task's thread only (RocksDB itself is thread-safe; this wrapper is not), except
 * for reading a {@link DatabaseSnapshot}: the checkpoint I/O thread opens iterators on one through
 * {@link #beginRead}, and {@link #close} (the task's thread) waits for a read in progress, tells the
 * readers to stop, and releases every snapshot still open before it frees the native objects. The
 * snapshot bookkeeping is guarded by this object's monitor.
 */
final class RocksDatabase implements AutoCloseable {
    private static final String STATE_PREFIX = "state/";
    private static final byte[] HEADER_PREFIX = "header/".getBytes(StandardCharsets.UTF_8);

    static {
        RocksDB.loadLibrary();
    }

    private final Path directory;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions columnOptions;
    private final WriteOptions writeOptions;
    /**
     * Switches the active memtables before a snapshot without waiting for their flush; when memtables
     * switched before are still being flushed and one more would stop writes, it waits for those first.
     */
    private final FlushOptions switchMemtables;
    private final RocksDB db;
    private final ColumnFamilyHandle defaultColumn;
    private final Map<String, ColumnFamilyHandle> states = new LinkedHashMap<>();
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    /** Snapshots not released yet; guarded by {@code this}. */
    private final Set<DatabaseSnapshot> openSnapshots = new HashSet<>();
    /** Iterators open on snapshots (reads in progress on the I/O thread); guarded by {@code this}. */
    private int reading;
    private volatile boolean closing;

    private RocksDatabase(Path directory) throws RocksDBException, IOException {
        this.directory = directory;
        Files.createDirectories(directory);
        this.dbOptions = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setMaxOpenFiles(-1).setInfoLogLevel(org.rocksdb.InfoLogLevel.HEADER_LEVEL).setKeepLogFileNum(1)
                // in-place memtable updates need writes from one thread at a time, which the task's thread is
                .setAllowConcurrentMemtableWrite(false);
        this.columnOptions = new ColumnFamilyOptions().setInplaceUpdateSupport(true);
        this.writeOptions = new WriteOptions().setDisableWAL(true);
        this.switchMemtables = new FlushOptions().setWaitForFlush(false).setAllowWriteStall(false);
        List<byte[]> names;
        try (Options options = new Options()) {
            names = RocksDB.listColumnFamilies(options, directory.toString());
        }
        if (names.isEmpty()) {
            names = List.of(RocksDB.DEFAULT_COLUMN_FAMILY);
        }
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (byte[] name : names) {
            descriptors.add(new ColumnFamilyDescriptor(name, columnOptions));
        }
        this.db = RocksDB.open(dbOptions, directory.toString(), descriptors, handles);
        ColumnFamilyHandle defaultHandle = null;
        for (int i = 0; i < names.size(); i++) {
            String name = new String(names.get(i), StandardCharsets.UTF_8);
            if (name.startsWith(STATE_PREFIX)) {
                states.put(name.substring(STATE_PREFIX.length()), handles.get(i));
            } else {
                defaultHandle = handles.get(i);
            }
        }
        this.defaultColumn = defaultHandle;
    }

    /** Opens the database in {@code directory}, creating it if there is none, with all its column families. */
    static RocksDatabase open(Path directory) throws IOException {
        try {
            return new RocksDatabase(directory);
        } catch (RocksDBException e) {
            throw new IOException("Cannot open RocksDB in " + directory + ": " + e.getMessage(), e);
        }
    }

    Path directory() {
        return directory;
    }

    RocksDB db() {
        return db;
    }

    WriteOptions writeOptions() {
        return writeOptions;
    }

    /** The column family of the named state, created if it does not exist. */
    ColumnFamilyHandle columnFamily(String stateName) throws RocksDBException {
        ColumnFamilyHandle handle = states.get(stateName);
        if (handle == null) {
            handle = db.createColumnFamily(new ColumnFamilyDescriptor(
                    (STATE_PREFIX + stateName).getBytes(StandardCharsets.UTF_8), columnOptions));
            handles.add(handle);
            states.put(stateName, handle);
        }
        return handle;
    }

    /** The states that have a column family, by name, in creation order. */
    Map<String, ColumnFamilyHandle> states() {
        return states;
    }

    void putHeader(String stateName, byte[] header) throws RocksDBException {
        db.put(defaultColumn, writeOptions, headerKey(stateName), header);
    }

    /** The stored snapshot header of the named state, or {@code null}. */
    byte[] header(String stateName) throws RocksDBException {
        return db.get(defaultColumn, headerKey(stateName));
    }

    private static byte[] headerKey(String stateName) {
        byte[] name = stateName.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[HEADER_PREFIX.length + name.length];
        System.arraycopy(HEADER_PREFIX, 0, key, 0, HEADER_PREFIX.length);
        System.arraycopy(name, 0, key, HEADER_PREFIX.length, name.length);
        return key;
    }

    RocksIterator iterator(ColumnFamilyHandle column) {
        return db.newIterator(column);
    }

    void write(WriteBatch batch) throws RocksDBException {
        db.write(writeOptions, batch);
    }

    /**
     * Writes a consistent copy of the database into {@code target} (which must not exist): hard
     * links to the immutable data files, copies of the small ones, the memtables flushed first.
     */
    void checkpointTo(Path target) throws RocksDBException {
        try (Checkpoint checkpoint = Checkpoint.create(db)) {
            checkpoint.createCheckpoint(target.toString());
        }
    }

    /**
     * Takes a snapshot of the database now, to be read later through {@link DatabaseSnapshot#beginRead}
     * and released by its {@code holders} once each (or by {@link #close}). The active memtables
     * become immutable first (see the class comment: in-place updates must not reach the snapshot).
     */
    synchronized DatabaseSnapshot snapshot(int holders) {
        if (closing) {
            throw new IllegalStateException("RocksDB in " + directory + " is closed: no snapshot can be taken");
        }
        try {
            db.flush(switchMemtables, handles);
        } catch (RocksDBException e) {
            throw new IllegalStateException("RocksDB in " + directory + " could not switch its memtables for a "
                    + "snapshot: " + e.getMessage(), e);
        }
        // a checkpoint scan reads everything once: keep it out of the block cache the task's reads use
        ReadOptions readOptions = new ReadOptions().setFillCache(false);
        Map<ColumnFamilyHandle, RocksIterator> iterators = new HashMap<>();
        for (ColumnFamilyHandle column : states.values()) {
            iterators.put(column, db.newIterator(column, readOptions));
        }
        DatabaseSnapshot snapshot = new DatabaseSnapshot(this, readOptions, iterators, holders);
        openSnapshots.add(snapshot);
        return snapshot;
    }

    synchronized RocksIterator beginRead(DatabaseSnapshot snapshot, ColumnFamilyHandle column) throws IOException {
        if (closing || snapshot.released) {
            throw new IOException("The task ended (its RocksDB in " + directory + " was closed) before this "
                    + "checkpoint's state was written; the checkpoint is given up, a later one will be taken");
        }
        RocksIterator iterator = snapshot.iterators.remove(column);
        if (iterator == null) {
            throw new IllegalStateException("A snapshot of RocksDB in " + directory + " is read twice, or a column "
                    + "family created after it: each state's column family is read once per snapshot");
        }
        reading++;
        return iterator;
    }

    synchronized void endRead() {
        reading--;
        notifyAll();
    }

    boolean closing() {
        return closing;
    }

    synchronized void releaseHolder(DatabaseSnapshot snapshot) {
        if (snapshot.dropHolder()) {
            release(snapshot);
        }
    }

    /** Snapshots taken and not yet released (for tests: a checkpoint must not leak one). */
    synchronized int openSnapshots() {
        return openSnapshots.size();
    }

    /** Iterators of snapshots that are open: not handed out yet, or being read (for tests: none may leak). */
    synchronized int openIterators() {
        int n = reading;
        for (DatabaseSnapshot snapshot : openSnapshots) {
            n += snapshot.iterators.size();
        }
        return n;
    }

    private void release(DatabaseSnapshot snapshot) {
        if (!snapshot.released) {
            snapshot.released = true;
            openSnapshots.remove(snapshot);
            // iterators handed to readers are closed by them (before their endRead, which close() waits for)
            for (RocksIterator iterator : snapshot.iterators.values()) {
                iterator.close();
            }
            snapshot.iterators.clear();
            snapshot.readOptions.close();
        }
    }

    /**
     * Closes the database: first tells readers of snapshots to stop and waits until no iterator is
     * open on one (closing RocksDB under an open iterator would crash the process), then releases
     * the snapshots still held, then frees the native objects. An interrupt (task cancellation)
     * does not cut the wait short, as readers stop within a bounded number of entries; it is
     * restored afterwards.
     */
    @Override
    public void close() {
        boolean interrupted = false;
        synchronized (this) {
            closing = true;
            while (reading > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            for (DatabaseSnapshot snapshot : List.copyOf(openSnapshots)) {
                release(snapshot);
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (ColumnFamilyHandle handle : handles) {
            handle.close();
        }
        db.close();
        switchMemtables.close();
        writeOptions.close();
        columnOptions.close();
        dbOptions.close();
    }
}
