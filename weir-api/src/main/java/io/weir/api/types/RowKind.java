package io.weir.api.types;

/**
 * What a {@link Row} means in a changelog: a new row, the old or new version of an updated row, or
 * a removed row. Append-only streams carry only {@link #INSERT}.
 */
public enum RowKind {
    INSERT("+I", (byte) 0),
    UPDATE_BEFORE("-U", (byte) 1),
    UPDATE_AFTER("+U", (byte) 2),
    DELETE("-D", (byte) 3);

    private static final RowKind[] BY_BYTE = {INSERT, UPDATE_BEFORE, UPDATE_AFTER, DELETE};

    private final String shortString;
    private final byte byteValue;

    RowKind(String shortString, byte byteValue) {
        this.shortString = shortString;
        this.byteValue = byteValue;
    }

    /** {@code +I}, {@code -U}, {@code +U} or {@code -D}, as printed before a row. */
    public String shortString() {
        return shortString;
    }

    /** The stable byte written by serializers; unlike {@link #ordinal()} it never changes. */
    public byte toByteValue() {
        return byteValue;
    }

    public static RowKind fromByteValue(byte value) {
        if (value < 0 || value >= BY_BYTE.length) {
            throw new IllegalArgumentException("Unknown row kind byte " + value + "; expected 0 to 3");
        }
        return BY_BYTE[value];
    }
}
