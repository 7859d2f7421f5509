package io.weir.sql.runtime.join;

import io.weir.api.types.Row;
import io.weir.api.types.RowKind;

/** What the join functions share: the row a join emits, and the check of keys that reject null. */
final class JoinedRows {

    private JoinedRows() {
    }

    /** {@code left}'s fields then {@code right}'s; a missing side ({@code null}) gives nulls (outer joins). */
    static Row joined(RowKind kind, Row left, int leftArity, Row right, int rightArity) {
        Row joined = new Row(kind, leftArity + rightArity);
        for (int i = 0; i < leftArity; i++) {
            joined.setField(i, left == null ? null : left.getField(i));
        }
        for (int i = 0; i < rightArity; i++) {
            joined.setField(leftArity + i, right == null ? null : right.getField(i));
        }
        return joined;
    }

    /** True if a key field whose equality rejects null ({@code =}, not {@code IS NOT DISTINCT FROM}) is null. */
    static boolean hasRejectedNull(boolean[] nullRejectingKeys, Row key) {
        for (int i = 0; i < nullRejectingKeys.length; i++) {
            if (nullRejectingKeys[i] && key.getField(i) == null) {
                return true;
            }
        }
        return false;
    }
}
