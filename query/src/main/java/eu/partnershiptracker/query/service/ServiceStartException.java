package eu.partnershiptracker.query.service;

/** The tracker could not start; the message says why in words fit for the command line. */
public final class ServiceStartException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ServiceStartException(final String message) {
        super(message);
    }

    public ServiceStartException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
