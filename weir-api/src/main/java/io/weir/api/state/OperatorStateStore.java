package io.weir.api.state;

import java.util.Set;

/**
 * Non-keyed state of one parallel instance of an operator, kept in checkpoints and handed out
 * again on restore. The kind of state decides how its entries reach the instances of a restored
 * operator, also at another parallelism:
 * <ul>
 *   <li>{@link #getListState list state}: the elements of all instances are split evenly over the
 *       new instances (each element goes to exactly one);
 *   <li>{@link #getUnionListState union list state}: every new instance gets the elements of all
 *       old instances;
 *   <li>{@link #getBroadcastState broadcast state}: every instance held the same map; every new
 *       instance gets one copy.
 * </ul>
 *
 * <p>Threading: the task's thread only.
 */
public interface OperatorStateStore {
    /** The list state with this name, redistributed by even split on restore. */
    <S> ListState<S> getListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** The list state with this name, whose elements every instance gets in full on restore. */
    <S> ListState<S> getUnionListState(ListStateDescriptor<S> stateDescriptor) throws Exception;

    /** The broadcast state with this name; every instance holds and restores the same copy. */
    <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor) throws Exception;

    /** Names of the list and union list states registered so far. */
    Set<String> getRegisteredStateNames();

    /** Names of the broadcast states registered so far. */
    Set<String> getRegisteredBroadcastStateNames();
}
