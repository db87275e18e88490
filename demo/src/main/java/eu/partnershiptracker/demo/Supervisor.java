package eu.partnershiptracker.demo;

import eu.partnershiptracker.embedded.ChildProcess;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Watches every child the demo started (broker, registry, API) alike and tells which one ended first. None of them
 * should end while the demo runs, so the first exit, whichever child it is, means the demo no longer works.
 */
final class Supervisor {

    private final CompletableFuture<ChildProcess> firstExit = new CompletableFuture<>();

    /** Watches {@code child} from now on; one that has already ended counts at once. */
    void watch(final ChildProcess child) {
        Objects.requireNonNull(child, "child");
        child.onExit().thenAccept(firstExit::complete);
    }

    /** Blocks until one of the watched children has ended, and returns it. */
    ChildProcess awaitFirstExit() {
        return firstExit.join();
    }
}
