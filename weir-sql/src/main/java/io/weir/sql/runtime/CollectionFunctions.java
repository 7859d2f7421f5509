package io.weir.sql.runtime;

import io.weir.api.types.Row;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Flink's collection functions on the values generated code holds: an ARRAY is a {@link List}
 * (elements may be null), a MAP a {@link Map}. Generated code returns NULL before the call where
 * Flink does (a NULL array, or any NULL argument for the strict functions); the methods see a NULL
 * only where it is an element (ARRAY_APPEND's, ARRAY_REMOVE's).
 */
public final class CollectionFunctions {

    private CollectionFunctions() {
    }

    public static List<Object> arrayAppend(List<?> array, Object element) {
        List<Object> result = new ArrayList<>(array.size() + 1);
        result.addAll(array);
        result.add(element);
        return result;
    }

    public static List<Object> arrayPrepend(List<?> array, Object element) {
        List<Object> result = new ArrayList<>(array.size() + 1);
        result.add(element);
        result.addAll(array);
        return result;
    }

    public static List<Object> arrayConcat(Object... arrays) {
        List<Object> result = new ArrayList<>();
        for (Object array : arrays) {
            result.addAll((List<?>) array);
        }
        return result;
    }

    /** The first occurrence of each element (NULL too), in order. */
    public static List<Object> arrayDistinct(List<?> array) {
        return new ArrayList<>(new LinkedHashSet<>(array));
    }

    /** The 1-based position of the first element equal to {@code element}, 0 if there is none. */
    public static int arrayPosition(List<?> array, Object element) {
        int index = array.indexOf(element);
        return index + 1;
    }

    /** Every element equal to {@code element} removed (a NULL removes the NULLs). */
    public static List<Object> arrayRemove(List<?> array, Object element) {
        List<Object> result = new ArrayList<>(array.size());
        for (Object e : array) {
            if (!Objects.equals(e, element)) {
                result.add(e);
            }
        }
        return result;
    }

    public static List<Object> arrayReverse(List<?> array) {
        List<Object> result = new ArrayList<>(array);
        Collections.reverse(result);
        return result;
    }

    /**
     * The elements from position {@code start} to {@code end}, both included: positions count from
     * 1 (0 is the start too), negative ones from the end (-1 is the last); empty when start is after
     * end or both lie outside the array.
     */
    public static List<Object> arraySlice(List<?> array, long start, long end) {
        int size = array.size();
        long from = start < 0 ? size + start + 1 : Math.max(start, 1);
        long to = end < 0 ? size + end + 1 : end;
        from = Math.max(from, 1);
        to = Math.min(to, size);
        if (size == 0 || from > to) {
            return new ArrayList<>();
        }
        return new ArrayList<>(array.subList((int) from - 1, (int) to));
    }

    public static List<Object> arraySlice(List<?> array, long start) {
        return arraySlice(array, start, array.size());
    }

    /** The distinct elements of both arrays, first those of {@code a} in order, then the new ones of {@code b}. */
    public static List<Object> arrayUnion(List<?> a, List<?> b) {
        Set<Object> union = new LinkedHashSet<>(a);
        union.addAll(b);
        return new ArrayList<>(union);
    }

    /** The distinct elements of {@code a} that {@code b} does not hold, in {@code a}'s order. */
    public static List<Object> arrayExcept(List<?> a, List<?> b) {
        Set<Object> result = new LinkedHashSet<>(a);
        result.removeAll(new java.util.HashSet<>(b));
        return new ArrayList<>(result);
    }

    /** The distinct elements of {@code a} that {@code b} holds too, in {@code a}'s order. */
    public static List<Object> arrayIntersect(List<?> a, List<?> b) {
        Set<Object> result = new LinkedHashSet<>(a);
        result.retainAll(new java.util.HashSet<>(b));
        return new ArrayList<>(result);
    }

    /** The greatest non-NULL element; NULL for an array without one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object arrayMax(List<?> array) {
        Comparable max = null;
        for (Object e : array) {
            if (e != null && (max == null || ((Comparable) e).compareTo(max) > 0)) {
                max = (Comparable) e;
            }
        }
        return max;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Object arrayMin(List<?> array) {
        Comparable min = null;
        for (Object e : array) {
            if (e != null && (min == null || ((Comparable) e).compareTo(min) < 0)) {
                min = (Comparable) e;
            }
        }
        return min;
    }

    /** The elements as strings joined by {@code delimiter}; NULL elements are left out, or replaced when a replacement is given. */
    public static String arrayJoin(List<?> array, String delimiter, String nullReplacement) {
        StringBuilder joined = new StringBuilder();
        boolean first = true;
        for (Object e : array) {
            if (e == null && nullReplacement == null) {
                continue;
            }
            if (!first) {
                joined.append(delimiter);
            }
            joined.append(e == null ? nullReplacement : SqlFunctions.toStringValue(e));
            first = false;
        }
        return joined.toString();
    }

    public static String arrayJoin(List<?> array, String delimiter) {
        return arrayJoin(array, delimiter, null);
    }

    /** Sorted ascending, NULLs first. */
    public static List<Object> arraySort(List<?> array) {
        return arraySort(array, true);
    }

    /** Sorted ascending (NULLs first) or descending (NULLs last), as Flink does by default. */
    public static List<Object> arraySort(List<?> array, boolean ascending) {
        return arraySort(array, ascending, ascending);
    }

    /** Sorted ascending or descending, the NULLs first or last. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static List<Object> arraySort(List<?> array, boolean ascending, boolean nullsFirst) {
        Comparator<Object> order = (x, y) -> ((Comparable) x).compareTo(y);
        if (!ascending) {
            order = order.reversed();
        }
        List<Object> result = new ArrayList<>(array);
        result.sort(nullsFirst ? Comparator.nullsFirst(order) : Comparator.nullsLast(order));
        return result;
    }

    /** The one element of an array of one, NULL for an empty array; an array of more is an error, as in Flink. */
    public static Object element(List<?> array) {
        if (array.size() > 1) {
            throw new IllegalArgumentException("ELEMENT: the array " + array + " has " + array.size()
                    + " elements, but ELEMENT takes an array of at most one; use array[1] for the first element");
        }
        return array.isEmpty() ? null : array.get(0);
    }

    public static List<Object> mapKeys(Map<?, ?> map) {
        return new ArrayList<>(map.keySet());
    }

    public static List<Object> mapValues(Map<?, ?> map) {
        return new ArrayList<>(map.values());
    }

    /** The entries as an array of ROW(key, value). */
    public static List<Object> mapEntries(Map<?, ?> map) {
        List<Object> entries = new ArrayList<>(map.size());
        map.forEach((k, v) -> entries.add(Row.of(k, v)));
        return entries;
    }

    /** A map of the keys and values at the same positions; arrays of different lengths are an error. */
    public static Map<Object, Object> mapFromArrays(List<?> keys, List<?> values) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException("MAP_FROM_ARRAYS: the array of keys has " + keys.size()
                    + " elements and the array of values " + values.size() + "; both must have the same length");
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            map.put(keys.get(i), values.get(i));
        }
        return map;
    }

    /** The entries of all maps; a key in a later map overwrites the earlier value. */
    public static Map<Object, Object> mapUnion(Object... maps) {
        Map<Object, Object> union = new LinkedHashMap<>();
        for (Object map : maps) {
            union.putAll((Map<?, ?>) map);
        }
        return union;
    }

    static List<Object> listOf(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A generated call's result as an object (overloads box the primitives some functions return). */
    public static Object box(Object value) {
        return value;
    }

    public static Object box(int value) {
        return value;
    }

    public static Object box(long value) {
        return value;
    }

    public static Object box(double value) {
        return value;
    }

    public static Object box(boolean value) {
        return value;
    }
}
