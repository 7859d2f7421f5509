package io.weir.sql.api;

/**
 * A statement that parses but cannot run as written: an unknown table or column, a type
 * mismatch, an unsupported feature. The message says what is wrong and what to do.
 */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ValidationException(String message) {
        super(message);
    }

    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
