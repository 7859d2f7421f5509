package io.weir.api.types;

/** A field position or name does not exist in a type; the message lists the fields that do. */
public class InvalidFieldReferenceException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidFieldReferenceException(String message) {
        super(message);
    }
}
