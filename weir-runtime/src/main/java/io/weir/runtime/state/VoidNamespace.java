package io.weir.runtime.state;

/** The namespace of keyed state that is not scoped to a window. */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
