package io.weir.api.tuple;

import java.util.Objects;

/**
 * A tuple of 17 fields, {@code f0} to {@code f16}, each with its own type. See {@link Tuple}.
 *
 * <p>Generated from one template, like all TupleN classes: a change here belongs in all of them.
 */
public class Tuple17<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;
    public T2 f2;
    public T3 f3;
    public T4 f4;
    public T5 f5;
    public T6 f6;
    public T7 f7;
    public T8 f8;
    public T9 f9;
    public T10 f10;
    public T11 f11;
    public T12 f12;
    public T13 f13;
    public T14 f14;
    public T15 f15;
    public T16 f16;

    /** A tuple with every field null. */
    public Tuple17() {
    }

    public Tuple17(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11, T12 f12,
            T13 f13, T14 f14, T15 f15, T16 f16) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
    }

    public static <T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> Tuple17<T0, T1, T2, T3,
            T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> of(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5,
            T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11, T12 f12, T13 f13, T14 f14, T15 f15, T16 f16) {
        return new Tuple17<>(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16);
    }

    public void setFields(T0 f0, T1 f1, T2 f2, T3 f3, T4 f4, T5 f5, T6 f6, T7 f7, T8 f8, T9 f9, T10 f10, T11 f11,
            T12 f12, T13 f13, T14 f14, T15 f15, T16 f16) {
        this.f0 = f0;
        this.f1 = f1;
        this.f2 = f2;
        this.f3 = f3;
        this.f4 = f4;
        this.f5 = f5;
        this.f6 = f6;
        this.f7 = f7;
        this.f8 = f8;
        this.f9 = f9;
        this.f10 = f10;
        this.f11 = f11;
        this.f12 = f12;
        this.f13 = f13;
        this.f14 = f14;
        this.f15 = f15;
        this.f16 = f16;
    }

    @Override
    public int getArity() {
        return 17;
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
            case 7 -> (T) f7;
            case 8 -> (T) f8;
            case 9 -> (T) f9;
            case 10 -> (T) f10;
            case 11 -> (T) f11;
            case 12 -> (T) f12;
            case 13 -> (T) f13;
            case 14 -> (T) f14;
            case 15 -> (T) f15;
            case 16 -> (T) f16;
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
            case 7 -> f7 = (T7) value;
            case 8 -> f8 = (T8) value;
            case 9 -> f9 = (T9) value;
            case 10 -> f10 = (T10) value;
            case 11 -> f11 = (T11) value;
            case 12 -> f12 = (T12) value;
            case 13 -> f13 = (T13) value;
            case 14 -> f14 = (T14) value;
            case 15 -> f15 = (T15) value;
            case 16 -> f16 = (T16) value;
            default -> throw noSuchField(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field values. */
    @Override
    @SuppressWarnings("unchecked")
    public Tuple17<T0, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> copy() {
        return new Tuple17<>(f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple17)) {
            return false;
        }
        Tuple17<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?> t = (Tuple17<?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                ?, ?, ?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1,
                t.f1)
                && Objects.equals(f2, t.f2)
                && Objects.equals(f3,
                t.f3)
                && Objects.equals(f4, t.f4)
                && Objects.equals(f5,
                t.f5)
                && Objects.equals(f6, t.f6)
                && Objects.equals(f7,
                t.f7)
                && Objects.equals(f8, t.f8)
                && Objects.equals(f9,
                t.f9)
                && Objects.equals(f10, t.f10)
                && Objects.equals(f11,
                t.f11)
                && Objects.equals(f12, t.f12)
                && Objects.equals(f13,
                t.f13)
                && Objects.equals(f14, t.f14)
                && Objects.equals(f15,
                t.f15)
                && Objects.equals(f16, t.f16);
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
        h = 31 * h + Objects.hashCode(f7);
        h = 31 * h + Objects.hashCode(f8);
        h = 31 * h + Objects.hashCode(f9);
        h = 31 * h + Objects.hashCode(f10);
        h = 31 * h + Objects.hashCode(f11);
        h = 31 * h + Objects.hashCode(f12);
        h = 31 * h + Objects.hashCode(f13);
        h = 31 * h + Objects.hashCode(f14);
        h = 31 * h + Objects.hashCode(f15);
        h = 31 * h + Objects.hashCode(f16);
        return h;
    }
}
