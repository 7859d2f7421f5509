package io.weir.api.types;

import io.weir.api.tuple.Tuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hash codes of keys that are the same in every JVM, which partitioning and key groups need: the
 * process that writes a key's state and the one that restores it must agree on where it lives.
 *
 * <p>{@code Object.hashCode()} is fine for strings, numbers and classes that compute it from their
 * fields, but not for enums, whose {@code hashCode()} is their identity. So enums hash by
 * {@link Enum#name()}, and tuples, rows, records, lists, sets, maps and optionals combine the stable
 * hashes of their elements, recursively. Everything else uses its own {@code hashCode()}; a POJO key
 * whose {@code hashCode()} includes an enum field is therefore not stable (use a record instead).
 *
 * <p>Cost: one class comparison for strings, ints and longs; tuples and records cost a call per field.
 */
public final class KeyHashes {
    private KeyHashes() {
    }

    public static int stableHashCode(Object key) {
        if (key == null) {
            return 0;
        }
        Class<?> c = key.getClass();
        if (c == String.class || c == Integer.class || c == Long.class) {
            return key.hashCode();
        }
        return composite(key, c);
    }

    private static int composite(Object key, Class<?> c) {
        if (c == Double.class || c == Short.class || c == Byte.class || c == Character.class || c == Boolean.class
                || c == Float.class || c == BigDecimal.class || c == BigInteger.class) {
            return key.hashCode();
        }
        if (key instanceof Enum<?> e) {
            return e.name().hashCode();
        }
        if (key instanceof Tuple tuple) {
            int h = 1;
            for (int i = 0, n = tuple.getArity(); i < n; i++) {
                h = 31 * h + stableHashCode(tuple.getField(i));
            }
            return h;
        }
        if (key instanceof Row row) {
            return row(row);
        }
        if (c.isRecord()) {
            return record(key, c);
        }
        if (key instanceof List<?> list) {
            int h = 1;
            for (Object element : list) {
                h = 31 * h + stableHashCode(element);
            }
            return h;
        }
        if (key instanceof Set<?> set) {
            int h = 0;
            for (Object element : set) {
                h += stableHashCode(element);
            }
            return h;
        }
        if (key instanceof Map<?, ?> map) {
            int h = 0;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                h += stableHashCode(entry.getKey()) ^ stableHashCode(entry.getValue());
            }
            return h;
        }
        if (key instanceof Optional<?> optional) {
            return optional.map(KeyHashes::stableHashCode).orElse(0);
        }
        return key.hashCode();
    }

    /** Positional rows combine their fields in order; named rows, whose order may vary, add them up. */
    private static int row(Row row) {
        Set<String> names = row.getFieldNames(false);
        int h = 1;
        if (names == null) {
            for (int i = 0, n = row.getArity(); i < n; i++) {
                h = 31 * h + stableHashCode(row.getField(i));
            }
            return h;
        }
        for (String name : names) {
            h += name.hashCode() ^ stableHashCode(row.getField(name));
        }
        return h;
    }

    private static int record(Object key, Class<?> c) {
        RecordComponents components;
        try {
            components = RecordComponents.of(c);
        } catch (InvalidTypesException e) {
            return key.hashCode();
        }
        int h = 1;
        for (int i = 0, n = components.size(); i < n; i++) {
            h = 31 * h + stableHashCode(components.get(key, i));
        }
        return h;
    }
}
