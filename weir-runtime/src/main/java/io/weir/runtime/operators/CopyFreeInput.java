package io.weir.runtime.operators;

/**
 * Implemented by a chained operator, or by the function, watermark strategy or sink it runs, that
 * can be handed its input records without a copy although object reuse is off.
 *
 * <p>With object reuse off, a chained operator normally gets a copy of each record (as in Flink): the
 * operator before it may keep or change the record after emitting it, and the operator itself may
 * keep or change what it gets. Returning {@code true} from {@link #acceptsSharedInput} promises
 * that, for every record it is given, the operator
 * <ul>
 *   <li>keeps no reference to the record, or to a mutable value inside it (a nested row, an array,
 *       a map), once it has finished processing it: state holds serialized bytes or fresh
 *       objects; immutable values ({@code String}, {@code Long}, {@code LocalDateTime}) may be
 *       kept;</li>
 *   <li>changes neither the record nor a value inside it; it may emit the record itself unchanged
 *       (a filter) or new records that share its values.</li>
 * </ul>
 * Then sharing is invisible: all the operator does with the record happens inside the emitting
 * operator's {@code collect}, before that operator can touch the record again, and whatever it
 * passes on is copied for a next operator that does not make the promise. The check is made once,
 * when the chain is built ({@code OperatorChain}); it is an internal contract of Weir's own
 * operators (SQL's generated Calc, its watermark assigner, the discarding sink), not a user API.
 */
public interface CopyFreeInput {

    /** Whether this operator keeps and changes none of its input records, as the class comment says. */
    boolean acceptsSharedInput();
}
