package io.weir.web;

/**
 * A request the API cannot serve, with the HTTP status and a message that says what to do. The
 * server answers it as Flink does: {@code {"errors": ["message"]}}.
 */
final class RestError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RestError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static RestError notFound(String message) {
        return new RestError(404, message);
    }

    static RestError badRequest(String message) {
        return new RestError(400, message);
    }
}
