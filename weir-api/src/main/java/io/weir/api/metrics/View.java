package io.weir.api.metrics;

/**
 * A metric whose value is computed at intervals rather than on every read (such as a rate). The
 * metric system calls {@link #update()} every {@link #UPDATE_INTERVAL_SECONDS} seconds (the
 * cluster option {@code metrics.view.update-interval} changes that), on its own thread.
 */
public interface View {
    /** The default interval between updates. */
    int UPDATE_INTERVAL_SECONDS = 5;

    void update();
}
