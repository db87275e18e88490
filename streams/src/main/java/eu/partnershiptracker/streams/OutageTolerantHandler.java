package eu.partnershiptracker.streams;

import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Keeps the application running through outages of what it depends on, such as the schema registry, and stops it on
 * anything else.
 *
 * <p>When the registry cannot be reached, the processor cannot read an event; dead-lettering it would lose a good
 * event, and skipping it would corrupt history. Instead the failure escapes, the transaction aborts, and the thread is
 * replaced; the new thread resumes from the last committed position and tries again. Every other failure shuts the
 * client down, so that a bug is seen rather than retried forever.
 */
public final class OutageTolerantHandler implements StreamsUncaughtExceptionHandler {

    @Override
    public StreamThreadExceptionResponse handle(final Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
