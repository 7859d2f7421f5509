package io.weir.api.tuple;

import java.util.Objects;

/**
 * A tuple of 7 fields, {@code f0} to {@code f6}, each with its own type. See {@link Tuple}.
 *
 * <p>Generated from one template, like all TupleN classes: a change here belongs in all of them.
 */
public class Tuple7<T0, T1, T2, T3, T4, T5, T6> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;
    public T4 f4;
    public T5 f5;
    public T6 f6;

    /** A tuple with every field null. */
    public Tuple7() {
    }

    public Tuple7(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
    }

    public static <T0, T1, T2, T3, T4, T5, T6> Tuple7<T0, T1, T2, T3, T4, T5, T6> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4,
            T5 f5, T6 f6) {
        return new Tuple7<>(f0, f1, f2, f3, f4, f5, f6);
    }

    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
    }

    @Override
    public int getArity() {
        return 7;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            case 2 -> (T) f2;
            case 3 -> (T) f3;
            case 4 -> (T) f4;
            case 5 -> (T) f5;
            case 6 -> (T) f6;
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
            case 4 -> f4 = (T4) value;
            case 5 -> f5 = (T5) value;
            case 6 -> f6 = (T6) value;
            default -> throw noSuchField(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field values. */
    @Override
    @SuppressWarnings("unchecked")
    public Tuple7<T0, T1, T2, T3, T4, T5, T6> copy() {
        return new Tuple7<>(f0, f1, f2, f3, f4, f5, f6);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple7)) {
            return false;
        }
        Tuple7<?, ?, ?, ?, ?, ?, ?> t = (Tuple7<?, ?, ?, ?, ?, ?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1,
                t.f1)
                && Objects.equals(f2, t.f2)
                && Objects.equals(f3,
                t.f3)
                && Objects.equals(f4, t.f4)
                && Objects.equals(f5,
                t.f5)
                && Objects.equals(f6, t.f6);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        h = 31 * h + Objects.hashCode(f2);
        h = 31 * h + Objects.hashCode(f3);
        h = 31 * h + Objects.hashCode(f4);
        h = 31 * h + Objects.hashCode(f5);
        h = 31 * h + Objects.hashCode(f6);
        return h;
    }
}
