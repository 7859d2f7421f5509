package io.weir.sql.runtime.join;

import io.weir.api.functions.RuntimeContext;
import io.weir.api.types.Row;
import io.weir.api.types.RowTypeInfo;
import io.weir.runtime.state.InternalKvState;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * The rows one join input has sent for the current key (a multiset), each with how many rows of the
 * other input it joins with (its associations), in one of two layouts chosen by the state backend:
 * <ul>
 *   <li>{@link JoinRecords}: all rows of a key in one byte array, for the heap backend, which
 *       changes it in place (adding a row is an append);</li>
 *   <li>{@link MapJoinRecords}: one map entry per distinct row, for backends that serialize state
 *       (RocksDB), where rewriting the whole array for every row added would cost the key's size.</li>
 * </ul>
 * Each layout reads the other's rows of a key (restored from a snapshot taken on the other backend)
 * and moves them into its own the first time the key is used, so a snapshot restores on any backend.
 *
 * <p>{@link #open} loads the current key's rows, then {@link #next} walks the live distinct rows and
 * {@link #row}, {@link #copies}, {@link #associations} and {@link #setAssociations} read and change
 * the one it stands on (all copies of a row join the same rows, so they share the count);
 * {@link #close} writes the changes back. {@link #add}, {@link #remove} and {@link #removeIf} may
 * not be called between {@link #open} and {@link #close}.
 *
 * <p>Threading: used by the join's task thread only, like the keyed state behind it.
 */
interface JoinRows {

    /**
     * The layout for the backend behind {@code context}: {@link JoinRecords} on the heap, else
     * {@link MapJoinRecords}; {@code restored}: whether the job was restored from a snapshot.
     */
    static JoinRows create(RuntimeContext context, String name, RowTypeInfo rowType, Duration stateTtl,
            boolean restored) {
        JoinRecords onHeap = new JoinRecords(context, name, rowType, stateTtl, restored);
        if (onHeap.keepsObjects()) {
            return onHeap;
        }
        return new MapJoinRecords(context, name, rowType, stateTtl, onHeap);
    }

    /** Loads the current key's rows as of processing time {@code now}; {@link #next} then walks them. */
    void open(long now) throws Exception;

    /** Moves to the next live distinct row; false when there is none. */
    boolean next() throws Exception;

    /** The current row, a {@code +I} row. */
    Row row();

    /** How many copies of the current row are stored (each joins with the same rows). */
    int copies();

    /** The current row's associations (of each of its copies). */
    long associations();

    /** Sets the current row's associations (written back by {@link #close}). */
    void setAssociations(long associations) throws Exception;

    /** Writes back what {@link #setAssociations} changed. */
    void close() throws Exception;

    /** Adds one copy of {@code row}, which joins with {@code associations} rows of the other input. */
    void add(Row row, long associations, long now) throws Exception;

    /** Removes one copy of {@code row}; a row that is not stored (never sent, or expired) is ignored. */
    void remove(Row row, long now) throws Exception;

    /** Removes every stored row that {@code expired} accepts. */
    void removeIf(Predicate<Row> expired, long now) throws Exception;

    /** Whether {@code state} holds its values as objects (the heap backend), see {@link InternalKvState#keepsValueObjects}. */
    static boolean keepsObjects(Object state) {
        return state instanceof InternalKvState<?> kv && kv.keepsValueObjects();
    }
}
