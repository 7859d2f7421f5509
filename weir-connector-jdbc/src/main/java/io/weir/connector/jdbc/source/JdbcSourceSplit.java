package io.weir.connector.jdbc.source;

import io.weir.api.connector.source.SourceSplit;
import java.io.Serializable;
import java.util.Arrays;

/**
 * One run of the source's query: its parameters and how many of its rows were emitted already
 * ({@code offset}), which a restored reader skips.
 */
public record JdbcSourceSplit(String splitId, Serializable[] parameters, long offset) implements SourceSplit {

    public JdbcSourceSplit withOffset(long newOffset) {
        return new JdbcSourceSplit(splitId, parameters, newOffset);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JdbcSourceSplit other && splitId.equals(other.splitId)
                && Arrays.equals(parameters, other.parameters) && offset == other.offset;
    }

    @Override
    public int hashCode() {
        return splitId.hashCode() * 31 + Long.hashCode(offset);
    }

    @Override
    public String toString() {
        return "JdbcSourceSplit{" + splitId + " " + Arrays.toString(parameters) + " from row " + offset + "}";
    }
}
