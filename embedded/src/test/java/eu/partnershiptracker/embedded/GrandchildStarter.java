package eu.partnershiptracker.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The middle generation of {@link ChildProcessParentDeathTest}: a JVM that starts a long {@code sleep} as a
 * {@link ChildProcess}, prints the sleep's pid and then waits to be killed.
 */
public final class GrandchildStarter {

    private GrandchildStarter() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final ChildProcess sleeper = ChildProcess.builder("grandchild", Path.of(args[0]), List.of("sleep", "600"))
                .start();
        System.out.println(sleeper.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
