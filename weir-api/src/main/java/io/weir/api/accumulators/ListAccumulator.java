package io.weir.api.accumulators;

import java.util.ArrayList;

/** Collects the values added, in the order added per subtask; merging appends the other subtasks' lists. */
public class ListAccumulator<T> implements Accumulator<T, ArrayList<T>> {
    private static final long serialVersionUID = 1L;

    private ArrayList<T> localValue = new ArrayList<>();

    @Override
    public void add(T value) {
        localValue.add(value);
    }

    @Override
    public ArrayList<T> getLocalValue() {
        return localValue;
    }

    @Override
    public void resetLocal() {
        localValue.clear();
    }

    @Override
    public void merge(Accumulator<T, ArrayList<T>> other) {
        localValue.addAll(other.getLocalValue());
    }

    /** A copy of the list; the elements themselves are shared, so do not change them after adding. */
    @Override
    public ListAccumulator<T> clone() {
        ListAccumulator<T> copy = new ListAccumulator<>();
        copy.localValue = new ArrayList<>(localValue);
        return copy;
    }

    @Override
    public String toString() {
        return "List Accumulator " + localValue;
    }
}
