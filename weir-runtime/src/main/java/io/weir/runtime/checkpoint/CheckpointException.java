package io.weir.runtime.checkpoint;

/** Checkpoints failed: the reason names the checkpoint and what went wrong. */
public final class CheckpointException extends Exception {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
