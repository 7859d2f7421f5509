package io.weir.api.common;

/** The program is wrong in a way found while the job is built, before it runs: the message says what to change. */
public class InvalidProgramException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
