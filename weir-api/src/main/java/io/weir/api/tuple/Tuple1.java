package io.weir.api.tuple;

import java.util.Objects;

/**
 * A tuple of 1 fields, {@code f0}, each with its own type. See {@link Tuple}.
 *
 * <p>Generated from one template, like all TupleN classes: a change here belongs in all of them.
 */
public class Tuple1<T0> extends Tuple {
    private static final long serialVersionUID = 1L;

    public T0 f0;

    /** A tuple with every field null. */
    public Tuple1() {
    }

    public Tuple1(T0 f0) {
        this.f0 = f0;
    }

    public static <T0> Tuple1<T0> of(T0 f0) {
        return new Tuple1<>(f0);
    }

    public void setFields(T0 f0) {
        this.f0 = f0;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getField(int pos) {
        return switch (pos) {
            case 0 -> (T) f0;
            default -> throw noSuchField(pos);
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void setField(T value, int pos) {
        switch (pos) {
            case 0 -> f0 = (T0) value;
            default -> throw noSuchField(pos);
        }
    }

    /** A shallow copy: a new tuple holding the same field values. */
    @Override
    @SuppressWarnings("unchecked")
    public Tuple1<T0> copy() {
        return new Tuple1<>(f0);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Tuple1)) {
            return false;
        }
        Tuple1<?> t = (Tuple1<?>) o;
        return Objects.equals(f0, t.f0);
    }

    @Override
    public int hashCode() {
        int h = Objects.hashCode(f0);
        return h;
    }
}
