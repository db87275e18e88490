package eu.partnershiptracker.query.http;

/** A request the API answers with an error status and a message for the caller (400 bad parameter, 404 unknown). */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    ApiException(final int status, final String message) {
        super(message);
        this.status = status;
    }

    static ApiException badRequest(final String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(final String message) {
        return new ApiException(404, message);
    }

    int status() {
        return status;
    }
}
