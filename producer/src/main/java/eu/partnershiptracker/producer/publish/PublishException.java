package eu.partnershiptracker.producer.publish;

/**
 * A publish run that could not complete for reasons outside the input: the broker or registry cannot be reached, the
 * topic is unfit for a log of record, or the transaction failed. The message is meant for the person at the terminal.
 */
public final class PublishException extends Exception {

    public PublishException(final String message) {
        super(message);
    }

    public PublishException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
