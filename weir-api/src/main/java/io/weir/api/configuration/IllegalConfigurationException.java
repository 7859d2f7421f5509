package io.weir.api.configuration;

/**
 * A configuration value or key that cannot be used: an unknown key in a namespace Weir owns, a
 * value its option cannot parse or does not allow, or a malformed configuration file. The message
 * names the key (and, for a file, the line) and says what is expected.
 */
public class IllegalConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public IllegalConfigurationException(String message) {
        super(message);
    }

    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
