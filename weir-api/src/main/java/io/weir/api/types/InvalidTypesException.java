package io.weir.api.types;

import io.weir.api.common.InvalidProgramException;

/**
 * A type cannot be determined, or cannot be used the way the program uses it: a generic result
 * type hidden by erasure, a raw {@code Tuple2} or {@code Row} class, a generic type while generic
 * types are disabled. Found while the job is built; the message says what to change.
 */
public class InvalidTypesException extends InvalidProgramException {
    private static final long serialVersionUID = 1L;

    public InvalidTypesException(String message) {
        super(message);
    }

    public InvalidTypesException(String message, Throwable cause) {
        super(message, cause);
    }
}
