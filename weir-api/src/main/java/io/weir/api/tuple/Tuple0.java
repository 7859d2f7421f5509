package io.weir.api.tuple;

/** A tuple without fields; all instances are equal. See {@link Tuple}. */
public class Tuple0 extends Tuple {
    private static final long serialVersionUID = 1L;

    /** A shared instance; a new one is only needed where a distinct mutable object is expected. */
    public static final Tuple0 INSTANCE = new Tuple0();

    public static Tuple0 of() {
        return INSTANCE;
    }

    @Override
    public int getArity() {
        return 0;
    }

    @Override
    public <T> T getField(int pos) {
        throw noSuchField(pos);
    }

    @Override
    public <T> void setField(T value, int pos) {
        throw noSuchField(pos);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple0 copy() {
        return new Tuple0();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple0;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
