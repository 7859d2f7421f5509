package io.weir.sql.runtime.agg;

import io.weir.api.types.BasicTypeInfo;
import io.weir.api.types.Row;
import io.weir.api.types.TypeInformation;
import java.util.List;
import java.util.Objects;

/**
 * {@code ROW_NUMBER()}, {@code RANK()} or {@code DENSE_RANK()} as a streaming OVER aggregate over a
 * time order, as Flink runs them outside the Top-N pattern: the rows are taken in time order, and the
 * slot counts them. ROW_NUMBER is the number of rows taken (its frame is ROWS, so every row gets its
 * own number); RANK and DENSE_RANK (frame RANGE: the rows of one time are taken together before any of
 * them is emitted) compare each row's order key with the previous row's, so rows of one time share the
 * rank of the first of them, RANK leaving a gap after them and DENSE_RANK none.
 *
 * <p>It reads the order key (any non-null marker for ROW_NUMBER). Fields: the number of rows, the
 * current rank, the last order key.
 */
public final class RankingSlot extends AggregateSlot {

    private static final long serialVersionUID = 1L;

    /** Which ranking function. */
    public enum Kind { ROW_NUMBER, RANK, DENSE_RANK }

    private final Kind kind;
    private final TypeInformation<?> keyType;

    /** @param keyType the order key's type (any type for ROW_NUMBER, which does not keep it) */
    public RankingSlot(Kind kind, TypeInformation<?> keyType) {
        this.kind = kind;
        this.keyType = keyType;
    }

    @Override
    public List<TypeInformation<?>> accumulatorTypes() {
        return List.of(BasicTypeInfo.LONG_TYPE_INFO, BasicTypeInfo.LONG_TYPE_INFO, keyType);
    }

    @Override
    public void init(Row acc, int offset) {
        acc.setField(offset, 0L);
        acc.setField(offset + 1, 0L);
        acc.setField(offset + 2, null);
    }

    @Override
    public void accumulate(Row acc, int offset, Object value) {
        long rows = (Long) acc.getField(offset) + 1;
        acc.setField(offset, rows);
        long rank = (Long) acc.getField(offset + 1);
        boolean newKey = rows == 1 || !Objects.equals(acc.getField(offset + 2), value);
        switch (kind) {
            case ROW_NUMBER -> rank = rows;
            case RANK -> rank = newKey ? rows : rank;
            case DENSE_RANK -> rank = newKey ? rank + 1 : rank;
        }
        acc.setField(offset + 1, rank);
        if (kind != Kind.ROW_NUMBER) {
            acc.setField(offset + 2, value);
        }
    }

    @Override
    public void retract(Row acc, int offset, Object value) {
        throw new UnsupportedOperationException(kind + " cannot retract; it runs in frames from UNBOUNDED PRECEDING");
    }

    @Override
    public Object result(Row acc, int offset) {
        return acc.getField(offset + 1);
    }

    @Override
    public boolean canMerge() {
        return false;
    }

    @Override
    public boolean canRetract() {
        return false;
    }
}
