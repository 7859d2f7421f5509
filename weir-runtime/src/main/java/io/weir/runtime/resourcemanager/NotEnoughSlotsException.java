package io.weir.runtime.resourcemanager;

/** A job asked for more slots than the cluster has free. */
public final class NotEnoughSlotsException extends Exception {
    private static final long serialVersionUID = 1L;

    public NotEnoughSlotsException(String message) {
        super(message);
    }
}
