package io.weir.api.tuple;

import java.util.Objects;

/**
 * A tuple of 4 fields, {@code f0} to {@code f3}, each with its own type. See {@link Tuple}.
 *
 * <p>Generated from one template, like all TupleN classes: a change here belongs in all of them.
 */
public class Tuple4<T0, T1, T2, T3> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;

    /** A tuple with every field null. */
    public Tuple4() {
    }

    public Tuple4(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
    }

    @Override
    public int getArity() {
        return 4;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            case 2 -> (T) f2;
            case 3 -> (T) f3;
            default -> throw noSuchField(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            case 2 -> f2 = (T2) value;
            case 3 -> f3 = (T3) value;
            default -> throw noSuchField(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field values. */
    @Override
    @SuppressWarnings("unchecked")
    public Tuple4<T0, T1, T2, T3> copy() {
        return new Tuple4<>(f0, f1, f2, f3);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple4)) {
            return false;
        }
        Tuple4<?, ?, ?, ?> t = (Tuple4<?, ?, ?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1,
                t.f1)
                && Objects.equals(f2, t.f2)
                && Objects.equals(f3, t.f3);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        h = 31 * h + Objects.hashCode(f2);
        h = 31 * h + Objects.hashCode(f3);
        return h;
    }
}
