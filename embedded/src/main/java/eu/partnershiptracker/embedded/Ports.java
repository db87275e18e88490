package eu.partnershiptracker.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** TCP port checks done before a child process is started, so that a taken port is a clear error, not a dead child. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails unless {@code port} can be bound on every interface right now.
     *
     * @param user what wants the port, for the message (e.g. "the Kafka broker")
     * @throws PortInUseException if something else listens on it
     */
    public static void requireFree(final int port, final String user) {
        try (ServerSocket socket = new ServerSocket()) {
            // Address reuse on, as servers have it: connections of a previous run in TIME_WAIT do not count.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (final IOException e) {
            throw new PortInUseException(port, user);
        }
    }

    /** A port that was free a moment ago, for a listener nobody outside needs to know in advance. */
    static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot find a free TCP port", e);
        }
    }
}
