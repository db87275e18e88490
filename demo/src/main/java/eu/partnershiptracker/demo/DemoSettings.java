package eu.partnershiptracker.demo;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the demo runs and where.
 *
 * @param dataDirectory    broker data, registry database, streams state and every log; kept between runs
 * @param fresh            delete {@code dataDirectory} first
 * @param kafkaPort        client port of the embedded broker
 * @param registryPort     HTTP port of the embedded registry
 * @param httpPort         port of the API and dashboard
 * @param bootstrapServers an existing Kafka to use instead of the embedded broker
 * @param registryUrl      an existing registry (Confluent API) to use instead of the embedded one
 * @param apicurioHome     the unpacked Apicurio Registry distribution, for the embedded registry
 * @param events           the event files published at start
 */
public record DemoSettings(Path dataDirectory, boolean fresh, int kafkaPort, int registryPort, int httpPort,
        Optional<String> bootstrapServers, Optional<String> registryUrl, Path apicurioHome, Path events) {

    public DemoSettings {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(registryUrl, "registryUrl");
        Objects.requireNonNull(apicurioHome, "apicurioHome");
        Objects.requireNonNull(events, "events");
    }

    boolean embeddedKafka() {
        return bootstrapServers.isEmpty();
    }

    boolean embeddedRegistry() {
        return registryUrl.isEmpty();
    }
}
