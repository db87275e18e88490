package eu.partnershiptracker.query.http;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.query.service.TrackerService;
import java.util.concurrent.CountDownLatch;

/**
 * One tracker instance in a JVM of its own (see {@link TrackerFixture#serviceProcessCommand()}), so that a test can
 * stop it as an operator does: SIGTERM runs {@link TrackerService#close()} from a shutdown hook, as serve does, and
 * SIGKILL runs nothing. Prints {@link #PORT_PREFIX} and its HTTP port once it is RUNNING.
 */
public final class ServiceProcess {

    static final String PORT_PREFIX = "tracker-http-port=";

    private ServiceProcess() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final TrackerService service = TrackerService.start(TrackerFixture.settings(args[0], args[1], args[2],
                new TopicNames(args[3], args[4], args[5], args[6]), Integer.parseInt(args[7])).build());
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "tracker-shutdown"));
        System.out.println(PORT_PREFIX + service.httpPort());
        System.out.flush();
        stopped.await();
    }
}
