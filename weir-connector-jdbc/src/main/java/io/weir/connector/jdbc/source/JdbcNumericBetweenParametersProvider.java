package io.weir.connector.jdbc.source;

import java.io.Serializable;

/**
 * Cuts the range {@code [minVal, maxVal]} of a numeric column into contiguous, non-overlapping
 * ranges, one per split, for a query with {@code WHERE column BETWEEN ? AND ?}: either ranges of
 * {@link #ofBatchSize a given width} or {@link #ofBatchNum a given number} of ranges of nearly
 * equal width (the first ones one wider when the range does not divide evenly).
 */
public class JdbcNumericBetweenParametersProvider implements JdbcParameterValuesProvider {
    private static final long serialVersionUID = 1L;

    private final long minVal;
    private final long maxVal;
    private long batchSize;
    private int batchNum;

    public JdbcNumericBetweenParametersProvider(long minVal, long maxVal) {
        if (minVal > maxVal) {
            throw new IllegalArgumentException("The range's lower bound " + minVal + " is above its upper bound " + maxVal);
        }
        this.minVal = minVal;
        this.maxVal = maxVal;
    }

    /** Ranges of {@code batchSize} values each (the last one may be shorter). */
    public JdbcNumericBetweenParametersProvider ofBatchSize(long batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("A range must hold at least 1 value, not " + batchSize);
        }
        long ranges = Math.max(1, (maxVal - minVal) / batchSize + 1);
        this.batchNum = (int) Math.min(Integer.MAX_VALUE, ranges);
        this.batchSize = batchSize;
        return this;
    }

    /** {@code batchNum} ranges (fewer when the range holds fewer values). */
    public JdbcNumericBetweenParametersProvider ofBatchNum(int batchNum) {
        if (batchNum <= 0) {
            throw new IllegalArgumentException("The number of ranges must be at least 1, not " + batchNum);
        }
        long values = maxVal - minVal + 1;
        this.batchNum = (int) Math.min(batchNum, values);
        this.batchSize = 0;
        return this;
    }

    @Override
    public Serializable[][] getParameterValues() {
        if (batchNum == 0) {
            throw new IllegalStateException("Call ofBatchSize or ofBatchNum before using the parameters provider");
        }
        Serializable[][] parameters = new Serializable[batchNum][];
        if (batchSize > 0) {
            for (int i = 0; i < batchNum; i++) {
                long start = minVal + i * batchSize;
                parameters[i] = new Long[] {start, Math.min(maxVal, start + batchSize - 1)};
            }
            return parameters;
        }
        long values = maxVal - minVal + 1;
        long width = values / batchNum;
        long wider = values % batchNum; // the first `wider` ranges hold one value more
        long start = minVal;
        for (int i = 0; i < batchNum; i++) {
            long end = start + width - 1 + (i < wider ? 1 : 0);
            parameters[i] = new Long[] {start, end};
            start = end + 1;
        }
        return parameters;
    }
}
