package io.weir.api.state;

/** State to which values are added and from which one combined result is read. */
public interface AppendingState<IN, OUT> extends State {
    /** The current result, or {@code null} if the state is empty. */
    OUT get() throws Exception;

    void add(IN value) throws Exception;
}
