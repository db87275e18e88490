package eu.partnershiptracker.query;

/**
 * The query cannot be answered right now, and an answer would be wrong or partial: the streams application is
 * rebalancing or not running, or an instance that holds part of the data did not answer. Worth retrying.
 */
public final class QueryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueryUnavailableException(final String message) {
        super(message);
    }

    public QueryUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
