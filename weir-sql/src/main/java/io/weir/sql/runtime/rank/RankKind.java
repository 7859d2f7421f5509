package io.weir.sql.runtime.rank;

/**
 * The number a Top-N gives each row of a partition in its order: {@code ROW_NUMBER()} counts rows
 * (ties get consecutive numbers in arrival order), {@code RANK()} gives ties the same number and skips
 * the numbers after them (1, 1, 3), {@code DENSE_RANK()} gives ties the same number without gaps
 * (1, 1, 2).
 */
public enum RankKind {
    ROW_NUMBER, RANK, DENSE_RANK;

    /**
     * The number of the row at {@code position} (0-based) given the number of the row before it.
     *
     * @param tiesPrevious whether this row is equal in the order to the one before it
     */
    long next(long previous, int position, boolean tiesPrevious) {
        if (position == 0) {
            return 1;
        }
        return switch (this) {
            case ROW_NUMBER -> position + 1;
            case RANK -> tiesPrevious ? previous : position + 1;
            case DENSE_RANK -> tiesPrevious ? previous : previous + 1;
        };
    }
}
