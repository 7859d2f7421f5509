package io.weir.api.state;

/**
 * The namespace of keyed state and timers that are not scoped to a window (plain keyed state,
 * process-function timers). Windowed operators use the window as the namespace instead.
 */
public final class VoidNamespace {
    public static final VoidNamespace INSTANCE = new VoidNamespace();

    private VoidNamespace() {}

    @Override
    public String toString() {
        return "VoidNamespace";
    }
}
