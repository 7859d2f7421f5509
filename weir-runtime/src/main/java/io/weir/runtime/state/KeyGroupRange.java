package io.weir.runtime.state;

/** A contiguous range of key groups {@code [start, end]}, both inclusive; empty when end < start. */
public record KeyGroupRange(int start, int end) implements java.io.Serializable {
    public boolean contains(int keyGroup) {
        return keyGroup >= start && keyGroup <= end;
    }

    public int size() {
        return Math.max(0, end - start + 1);
    }
}
