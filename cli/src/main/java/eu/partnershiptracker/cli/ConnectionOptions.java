package eu.partnershiptracker.cli;

import eu.partnershiptracker.cluster.ClusterSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import picocli.CommandLine.Option;

/**
 * How a command reaches Kafka and the schema registry. Flags win over environment variables, which win over the
 * defaults: the demo's broker and registry, so that every command works against a running {@code ./tracker} with no
 * flags. The same variables configure docker-compose and the demo.
 */
public final class ConnectionOptions {

    /**
     * The Confluent API of the demo's registry on its default port: Apicurio serves it under /apis/ccompat/v7, and its
     * base URL answers 404. DemoDefaultsTest checks that this is what the demo prints.
     */
    public static final String DEFAULT_REGISTRY_URL = "http://127.0.0.1:8081/apis/ccompat/v7";

    /** Where to fix a registry URL without the Confluent API; the commands print it after the error. */
    public static final String REGISTRY_URL_HINT =
            "Give the URL of the registry's Confluent API with --registry-url or SCHEMA_REGISTRY_URL.";

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
            description = "Kafka bootstrap servers (env KAFKA_BOOTSTRAP_SERVERS; default: ${DEFAULT-VALUE}).")
    private String bootstrapServers;

    @Option(names = "--registry-url", paramLabel = "URL",
            defaultValue = "${env:SCHEMA_REGISTRY_URL:-" + DEFAULT_REGISTRY_URL + "}",
            description = "Schema registry's Confluent API: the base URL of Confluent Schema Registry or Karapace, "
                    + "<base>/apis/ccompat/v7 for Apicurio Registry (env SCHEMA_REGISTRY_URL; default: "
                    + "${DEFAULT-VALUE}, the demo's).")
    private String registryUrl;

    @Option(names = "--client-config", paramLabel = "FILE",
            description = "A properties file of extra Kafka client and registry settings, e.g. security.protocol, "
                    + "sasl.jaas.config, basic.auth.user.info (env KAFKA_CLIENT_CONFIG).",
            defaultValue = "${env:KAFKA_CLIENT_CONFIG}")
    private Path clientConfig;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Give up with a clear message when the broker or the registry does not answer within "
                    + "this many seconds (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public String registryUrl() {
        return registryUrl;
    }

    public Duration timeout() {
        return Duration.ofSeconds(timeoutSeconds);
    }

    /** The cluster these options name, with the extra client settings of {@code --client-config}. */
    public ClusterSettings cluster() throws IOException {
        return new ClusterSettings(bootstrapServers, registryUrl, clientConfig(), timeout());
    }

    /** The extra client settings from {@code --client-config}, empty when none is given. */
    public Map<String, String> clientConfig() throws IOException {
        final Map<String, String> config = new TreeMap<>();
        if (clientConfig != null) {
            final Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(clientConfig)) {
                properties.load(in);
            }
            properties.stringPropertyNames().forEach(name -> config.put(name, properties.getProperty(name)));
        }
        return config;
    }
}
