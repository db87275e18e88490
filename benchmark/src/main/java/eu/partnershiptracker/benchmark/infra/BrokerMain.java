package eu.partnershiptracker.benchmark.infra;

import eu.partnershiptracker.testing.KafkaBroker;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the broker's child JVM: the tests' single-node KRaft broker, announcing its address on stdout and
 * running until the JVM is stopped (SIGTERM runs the shutdown hook, which deletes the broker's data).
 */
public final class BrokerMain {

    static final String READY = "BROKER READY ";

    private BrokerMain() {
    }

    public static void main(final String[] args) throws Exception {
        final KafkaBroker broker = KafkaBroker.start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-shutdown"));
        System.out.println(READY + broker.bootstrapServers());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
