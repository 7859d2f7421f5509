package io.weir.runtime.task;

/**
 * Carries an exception thrown by an operator inside a chain through {@code Output.collect}, which
 * cannot throw checked exceptions; the task unwraps it so the job fails with the original cause.
 */
public final class ChainedOperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainedOperatorException(String operatorName, Throwable cause) {
        super("Operator '" + operatorName + "' failed: " + cause, cause);
    }

    /** The first cause that is not a chaining wrapper. */
    public static Throwable unwrap(Throwable t) {
        while (t instanceof ChainedOperatorException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
