package io.weir.sql.connectors;

import io.weir.api.types.RowKind;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The change kinds a stream of rows may carry, or a sink can take, as in Flink: an append-only
 * stream has only {@code +I}; an aggregate's result also has {@code -U}/{@code +U} (and {@code -D}
 * when a group disappears). A sink that accepts all kinds takes a retract stream; an upsert sink
 * takes {@code +I}, {@code +U} and {@code -D} and finds the old row by the table's primary key, so
 * it needs no {@code -U}.
 */
public final class ChangelogMode implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ChangelogMode INSERT_ONLY = new ChangelogMode(EnumSet.of(RowKind.INSERT));
    private static final ChangelogMode UPSERT = new ChangelogMode(
            EnumSet.of(RowKind.INSERT, RowKind.UPDATE_AFTER, RowKind.DELETE));
    private static final ChangelogMode ALL = new ChangelogMode(EnumSet.allOf(RowKind.class));

    private final EnumSet<RowKind> kinds;

    private ChangelogMode(EnumSet<RowKind> kinds) {
        this.kinds = kinds;
    }

    /** Only {@code +I}: an append-only stream or sink. */
    public static ChangelogMode insertOnly() {
        return INSERT_ONLY;
    }

    /** {@code +I}, {@code +U} and {@code -D}: a sink that overwrites rows by key. */
    public static ChangelogMode upsert() {
        return UPSERT;
    }

    /** Every kind: a retract stream, or a sink that takes anything. */
    public static ChangelogMode all() {
        return ALL;
    }

    /** A mode with exactly the given kinds. */
    public static ChangelogMode of(Set<RowKind> kinds) {
        if (kinds.isEmpty()) {
            throw new IllegalArgumentException("A changelog mode needs at least one row kind");
        }
        return new ChangelogMode(EnumSet.copyOf(kinds));
    }

    public Set<RowKind> getContainedKinds() {
        return EnumSet.copyOf(kinds);
    }

    public boolean contains(RowKind kind) {
        return kinds.contains(kind);
    }

    public boolean containsOnly(RowKind kind) {
        return kinds.size() == 1 && kinds.contains(kind);
    }

    public boolean isInsertOnly() {
        return containsOnly(RowKind.INSERT);
    }

    /** Whether a stream of this mode carries {@code -U} or {@code -D}: its consumers must retract. */
    public boolean hasRetractions() {
        return kinds.contains(RowKind.UPDATE_BEFORE) || kinds.contains(RowKind.DELETE);
    }

    /** {@code [+I, -U, +U, -D]}. */
    @Override
    public String toString() {
        return kinds.stream().map(RowKind::shortString).collect(Collectors.joining(", ", "[", "]"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangelogMode other && kinds.equals(other.kinds);
    }

    @Override
    public int hashCode() {
        return kinds.hashCode();
    }
}
