package io.weir.api.tuple;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A fixed-length group of fields {@code f0..fN}, each with its own type. {@link Tuple0} to
 * {@link Tuple25} are the concrete classes; their fields are public and mutable so that functions
 * can reuse one instance per record.
 *
 * <p>Tuples are the cheapest composite type to serialize: no field names, no null mask. The price
 * is that their fields cannot be null when serialized; use a Java record, a POJO or a
 * {@link io.weir.api.types.Row} for nullable fields.
 *
 * <p>Because of type erasure, a {@code Tuple2} class alone does not tell its field types: give them
 * with {@code new TypeHint<Tuple2<String, Integer>>(){}} or {@code Types.TUPLE(...)} where they
 * cannot be extracted from a function signature.
 */
public abstract class Tuple implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The largest arity with a tuple class. */
    public static final int MAX_ARITY = 25;

    private static final Class<?>[] CLASSES = {
            Tuple0.class, Tuple1.class, Tuple2.class, Tuple3.class, Tuple4.class, Tuple5.class,
            Tuple6.class, Tuple7.class, Tuple8.class, Tuple9.class, Tuple10.class, Tuple11.class,
            Tuple12.class, Tuple13.class, Tuple14.class, Tuple15.class, Tuple16.class, Tuple17.class,
            Tuple18.class, Tuple19.class, Tuple20.class, Tuple21.class, Tuple22.class, Tuple23.class,
            Tuple24.class, Tuple25.class
    };

    /** The value of field {@code pos}, counted from 0. */
    public abstract <T> T getField(int pos);

    /** Sets field {@code pos}, counted from 0. */
    public abstract <T> void setField(T value, int pos);

    /** The number of fields. */
    public abstract int getArity();

    /** A shallow copy: a new tuple of the same class holding the same field values. */
    public abstract <T extends Tuple> T copy();

    /** The tuple class with {@code arity} fields. */
    @SuppressWarnings("unchecked")
    public static Class<? extends Tuple> getTupleClass(int arity) {
        checkArity(arity);
        return (Class<? extends Tuple>) CLASSES[arity];
    }

    /** A new tuple with {@code arity} fields, all null. */
    public static Tuple newInstance(int arity) {
        checkArity(arity);
        return switch (arity) {
            case 0 -> new Tuple0();
            case 1 -> new Tuple1<>();
            case 2 -> new Tuple2<>();
            case 3 -> new Tuple3<>();
            case 4 -> new Tuple4<>();
            case 5 -> new Tuple5<>();
            case 6 -> new Tuple6<>();
            case 7 -> new Tuple7<>();
            case 8 -> new Tuple8<>();
            case 9 -> new Tuple9<>();
            case 10 -> new Tuple10<>();
            case 11 -> new Tuple11<>();
            case 12 -> new Tuple12<>();
            case 13 -> new Tuple13<>();
            case 14 -> new Tuple14<>();
            case 15 -> new Tuple15<>();
            case 16 -> new Tuple16<>();
            case 17 -> new Tuple17<>();
            case 18 -> new Tuple18<>();
            case 19 -> new Tuple19<>();
            case 20 -> new Tuple20<>();
            case 21 -> new Tuple21<>();
            case 22 -> new Tuple22<>();
            case 23 -> new Tuple23<>();
            case 24 -> new Tuple24<>();
            case 25 -> new Tuple25<>();
            default -> throw new AssertionError(arity);
        };
    }

    /** {@code (f0,f1,...)}, with arrays printed by content; Flink prints tuples the same way. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < getArity(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(fieldToString(getField(i)));
        }
        return sb.append(')').toString();
    }

    /** The exception for a field position outside {@code 0..arity-1}. */
    protected IndexOutOfBoundsException noSuchField(int pos) {
        return new IndexOutOfBoundsException(getClass().getSimpleName() + " has no field " + pos
                + (getArity() == 0 ? "; it has no fields" : "; its fields are f0 to f" + (getArity() - 1)));
    }

    private static void checkArity(int arity) {
        if (arity < 0 || arity > MAX_ARITY) {
            throw new IllegalArgumentException("Tuples have 0 to " + MAX_ARITY + " fields, not " + arity
                    + ". Use a Row or a record for more fields.");
        }
    }

    private static String fieldToString(Object field) {
        if (field == null || !field.getClass().isArray()) {
            return String.valueOf(field);
        }
        // deepToString prints primitive arrays nested in an Object[] by content.
        String wrapped = Arrays.deepToString(new Object[] {field});
        return wrapped.substring(1, wrapped.length() - 1);
    }
}
