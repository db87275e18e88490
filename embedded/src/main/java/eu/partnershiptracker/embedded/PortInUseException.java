package eu.partnershiptracker.embedded;

/** A port an embedded service should listen on is already taken; nothing was started. */
public final class PortInUseException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final int port;

    PortInUseException(final int port, final String user) {
        super("port " + port + " is already in use, so " + user + " cannot listen on it");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
