package eu.partnershiptracker.embedded;

/** A supervised child process could not be started, stopped, or did not reach the state that was awaited. */
public final class ChildProcessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ChildProcessException(final String message) {
        super(message);
    }

    ChildProcessException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
