package io.weir.api.tuple;

import java.util.Objects;

/**
 * A tuple of 2 fields, {@code f0}, {@code f1}, each with its own type. See {@link Tuple}.
 *
 * <p>Generated from one template, like all TupleN classes: a change here belongs in all of them.
 */
public class Tuple2<T0, T1> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;
    public T1 f1;

    /** A tuple with every field null. */
    public Tuple2() {
    }

    public Tuple2(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
        return new Tuple2<>(f0, f1);
    }

    public void setFields(T0 f0, T1 f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    @Override
    public int getArity() {
        return 2;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            case 1 -> (T) f1;
            default -> throw noSuchField(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            case 1 -> f1 = (T1) value;
            default -> throw noSuchField(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field values. */
    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<T0, T1> copy() {
        return new Tuple2<>(f0, f1);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple2)) {
            return false;
        }
        Tuple2<?, ?> t = (Tuple2<?, ?>) o;
        return Objects.equals(f0, t.f0)
                && Objects.equals(f1, t.f1);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        h = 31 * h + Objects.hashCode(f1);
        return h;
    }
}
