package io.weir.cli;

/**
 * A request that cannot work as given. The message is one line that says what was wrong and what
 * to do instead; the CLI prints it without a stack trace and exits with {@link WeirCli#USER_ERROR}.
 */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message, null, false, false);
    }
}
