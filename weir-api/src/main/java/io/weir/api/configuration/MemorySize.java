package io.weir.api.configuration;

import java.io.Serializable;
import java.util.Locale;

/**
 * An amount of memory in bytes, written in configuration as a number and a unit: {@code 64kb},
 * {@code 32 mb}, {@code 1g}, {@code 512} (bytes). Units are powers of 1024: {@code b}, {@code k}/{@code kb},
 * {@code m}/{@code mb}, {@code g}/{@code gb}, {@code t}/{@code tb}, case-insensitive.
 */
public final class MemorySize implements Serializable, Comparable<MemorySize> {
    private static final long serialVersionUID = 1L;

    public static final MemorySize ZERO = new MemorySize(0);

    private static final String[][] UNITS = {
        {"b", "bytes"}, {"k", "kb", "kibibytes"}, {"m", "mb", "mebibytes"}, {"g", "gb", "gibibytes"},
        {"t", "tb", "tebibytes"}};

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a memory size cannot be negative: " + bytes);
        }
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(Math.multiplyExact(mebiBytes, 1L << 20));
    }

    /** Parses {@code 64kb}, {@code 32 mb}, {@code 100} (bytes) and so on; see the class comment. */
    public static MemorySize parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < s.length() && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == 0) {
            throw new IllegalArgumentException("a memory size starts with a number, e.g. 64kb, 32mb, 1g");
        }
        long amount;
        try {
            amount = Long.parseLong(s.substring(0, i));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the number in '" + text + "' is too large");
        }
        String unit = s.substring(i).trim();
        if (unit.isEmpty()) {
            return new MemorySize(amount);
        }
        for (int power = 0; power < UNITS.length; power++) {
            for (String name : UNITS[power]) {
                if (name.equals(unit)) {
                    try {
                        return new MemorySize(Math.multiplyExact(amount, 1L << (10 * power)));
                    } catch (ArithmeticException e) {
                        throw new IllegalArgumentException("'" + text + "' is more than 8 exbibytes");
                    }
                }
            }
        }
        throw new IllegalArgumentException("unknown unit '" + unit + "' (use b, kb, mb, gb or tb)");
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public long getMebiBytes() {
        return bytes >> 20;
    }

    /** The size as an {@code int} number of bytes, failing if it does not fit. */
    public int getBytesAsInt() {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(this + " does not fit in an int number of bytes");
        }
        return (int) bytes;
    }

    /** The largest unit that divides the size exactly: {@code 32 kb}, {@code 1 gb}, {@code 1000 bytes}. */
    @Override
    public String toString() {
        int power = 0;
        long amount = bytes;
        while (power < UNITS.length - 1 && amount != 0 && amount % 1024 == 0) {
            amount /= 1024;
            power++;
        }
        return amount + " " + (power == 0 ? "bytes" : UNITS[power][1]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public int compareTo(MemorySize other) {
        return Long.compare(bytes, other.bytes);
    }
}
