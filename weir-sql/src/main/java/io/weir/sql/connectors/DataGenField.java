package io.weir.sql.connectors;

import io.weir.sql.api.ValidationException;
import io.weir.sql.catalog.Column;
import io.weir.sql.types.LogicalType;
import io.weir.sql.types.LogicalTypeRoot;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SplittableRandom;

/** How datagen fills one column: a random value in a range or the next number of a sequence. */
record DataGenField(String name, LogicalTypeRoot root, int scale, boolean sequence, long min, long max,
        int length, double nullRate) implements Serializable {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    static DataGenField of(Column column, Map<String, String> options) {
        String prefix = "fields." + column.name() + ".";
        LogicalType type = column.type();
        String kind = options.getOrDefault(prefix + "kind", "random");
        boolean sequence = switch (kind) {
            case "random" -> false;
            case "sequence" -> true;
            default -> throw new ValidationException("Option " + prefix + "kind must be 'random' or 'sequence', not '"
                    + kind + "'");
        };
        long[] range = defaultRange(type.root());
        long min;
        long max;
        if (sequence) {
            min = number(options, prefix + "start", null);
            max = number(options, prefix + "end", null);
        } else {
            min = number(options, prefix + "min", range[0]);
            max = number(options, prefix + "max", range[1]);
        }
        if (max < min) {
            throw new ValidationException("Column " + column.name() + ": the end of its range (" + max
                    + ") is below its start (" + min + ")");
        }
        int length = (int) number(options, prefix + "length", 100L);
        double nullRate = Double.parseDouble(options.getOrDefault(prefix + "null-rate", "0"));
        return new DataGenField(column.name(), type.root(), Math.max(0, type.scale()), sequence, min, max, length, nullRate);
    }

    boolean isSequence() {
        return sequence;
    }

    long sequenceLength() {
        return max - min + 1;
    }

    Object value(long index, SplittableRandom random) {
        if (nullRate > 0 && random.nextDouble() < nullRate) {
            return null;
        }
        long number = sequence ? min + index : min + (long) (random.nextDouble() * ((double) max - min + 1));
        number = Math.min(number, max);
        return switch (root) {
            case TINYINT -> (byte) number;
            case SMALLINT -> (short) number;
            case INTEGER -> (int) number;
            case BIGINT -> number;
            case FLOAT -> sequence ? (float) number : (float) (min + random.nextDouble() * ((double) max - min));
            case DOUBLE -> sequence ? (double) number : min + random.nextDouble() * ((double) max - min);
            case DECIMAL -> BigDecimal.valueOf(sequence ? number : min + random.nextDouble() * ((double) max - min))
                    .setScale(scale, RoundingMode.HALF_UP);
            case BOOLEAN -> random.nextBoolean();
            case CHAR, VARCHAR -> sequence ? Long.toString(number) : randomString(random);
            case DATE -> LocalDate.ofEpochDay(18_000 + Math.floorMod(number, 10_000));
            case TIMESTAMP_WITHOUT_TIME_ZONE -> LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(Math.floorMod(number, 86_400));
            default -> throw new ValidationException("datagen cannot generate column " + name + " of type " + root
                    + " yet; declare it with a number, string, boolean, decimal, date or timestamp type");
        };
    }

    private String randomString(SplittableRandom random) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }

    private static long[] defaultRange(LogicalTypeRoot root) {
        return switch (root) {
            case TINYINT -> new long[] {Byte.MIN_VALUE, Byte.MAX_VALUE};
            case SMALLINT -> new long[] {Short.MIN_VALUE, Short.MAX_VALUE};
            case INTEGER -> new long[] {Integer.MIN_VALUE, Integer.MAX_VALUE};
            case FLOAT, DOUBLE, DECIMAL -> new long[] {0, 1_000_000};
            default -> new long[] {Long.MIN_VALUE / 2, Long.MAX_VALUE / 2};
        };
    }

    private static long number(Map<String, String> options, String key, Long defaultValue) {
        String value = options.get(key);
        if (value == null) {
            if (defaultValue == null) {
                throw new ValidationException("A sequence column needs option '" + key + "'");
            }
            return defaultValue;
        }
        try {
            return new BigDecimal(value.trim()).longValue();
        } catch (NumberFormatException e) {
            throw new ValidationException("Option '" + key + "' must be a number, not '" + value + "'");
        }
    }
}
