package eu.partnershiptracker.query.service;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.streams.TrackerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the tracker: where Kafka and the registry are, the streams application's identity and state directory,
 * the HTTP endpoint and the address other instances reach it at, and the layout of the topics it creates.
 *
 * @param cluster           Kafka, the registry, extra client settings, and how long Kafka may take to answer before
 *                          startup fails with a clear message
 * @param applicationId     the Kafka Streams application id; instances sharing it share the work
 * @param topics            the topic names
 * @param stateDir          the Kafka Streams state directory; one per instance
 * @param httpHost          the interface the HTTP API binds to
 * @param httpPort          the HTTP port; 0 picks a free one
 * @param advertisedHost    the host name other instances and clients reach this one at (application.server)
 * @param partitions        partitions of the topics created when missing
 * @param replicationFactor replication factor of the topics created when missing
 * @param readyTimeout      how long the streams application may take to reach RUNNING
 * @param changeWindow      how many of the latest changes of each partition the change stream keeps in memory, so
 *                          that a client reconnecting after missing fewer resumes without reading the topic again
 * @param streamsOverrides  Kafka Streams properties on top of the tracker's own (e.g. num.stream.threads), so that the
 *                          service runs with the same configuration as a benchmarked topology; state.dir and
 *                          application.server still come from the settings above
 */
public record ServeSettings(ClusterSettings cluster, String applicationId, TopicNames topics, Path stateDir,
        String httpHost, int httpPort, String advertisedHost, int partitions, short replicationFactor,
        Duration readyTimeout, int changeWindow, Map<String, String> streamsOverrides) {

    public static final String DEFAULT_HTTP_HOST = "0.0.0.0";
    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final String DEFAULT_ADVERTISED_HOST = "localhost";
    public static final Path DEFAULT_STATE_DIR = Path.of(".tracker", "state");
    public static final int DEFAULT_CHANGE_WINDOW = 1_000;

    public ServeSettings {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        streamsOverrides = Map.copyOf(Objects.requireNonNull(streamsOverrides, "streamsOverrides"));
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("HTTP port must be between 0 and 65535, got " + httpPort);
        }
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("replication factor must be at least 1, got " + replicationFactor);
        }
        if (readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("the ready timeout must be positive, got " + readyTimeout);
        }
        if (changeWindow < 1) {
            throw new IllegalArgumentException("the change window must hold at least 1 change, got " + changeWindow);
        }
    }

    /** Settings for the cluster, from the defaults of a local single-broker setup. */
    public static Builder builder(final ClusterSettings cluster) {
        return new Builder(cluster);
    }

    /** Settings for a broker and a registry with no extra client settings, from the same defaults. */
    public static Builder builder(final String bootstrapServers, final String registryUrl) {
        return builder(ClusterSettings.of(bootstrapServers, registryUrl));
    }

    /** The streams application's configuration; application.server names the port actually bound. */
    TrackerConfig trackerConfig(final int boundPort) {
        return new TrackerConfig(applicationId, cluster, topics, streamsOverrides)
                .withStreamsOverrides(Map.of(
                        "state.dir", stateDir.toAbsolutePath().toString(),
                        "application.server", advertisedHost + ":" + boundPort));
    }

    /** Builds settings from the defaults of a local single-broker setup. */
    public static final class Builder {

        private final ClusterSettings cluster;
        private String applicationId = TrackerConfig.DEFAULT_APPLICATION_ID;
        private TopicNames topics = TopicNames.DEFAULTS;
        private Path stateDir = DEFAULT_STATE_DIR;
        private String httpHost = DEFAULT_HTTP_HOST;
        private int httpPort = DEFAULT_HTTP_PORT;
        private String advertisedHost = DEFAULT_ADVERTISED_HOST;
        private int partitions = TrackerTopics.DEFAULT_PARTITIONS;
        private short replicationFactor = 1;
        private Duration readyTimeout = Duration.ofMinutes(2);
        private int changeWindow = DEFAULT_CHANGE_WINDOW;
        private Map<String, String> streamsOverrides = Map.of();

        private Builder(final ClusterSettings cluster) {
            this.cluster = Objects.requireNonNull(cluster, "cluster");
        }

        public Builder applicationId(final String value) {
            this.applicationId = Objects.requireNonNull(value, "applicationId");
            return this;
        }

        public Builder topics(final TopicNames value) {
            this.topics = Objects.requireNonNull(value, "topics");
            return this;
        }

        public Builder stateDir(final Path value) {
            this.stateDir = Objects.requireNonNull(value, "stateDir");
            return this;
        }

        public Builder httpHost(final String value) {
            this.httpHost = Objects.requireNonNull(value, "httpHost");
            return this;
        }

        public Builder httpPort(final int value) {
            this.httpPort = value;
            return this;
        }

        public Builder advertisedHost(final String value) {
            this.advertisedHost = Objects.requireNonNull(value, "advertisedHost");
            return this;
        }

        public Builder partitions(final int value) {
            this.partitions = value;
            return this;
        }

        public Builder replicationFactor(final short value) {
            this.replicationFactor = value;
            return this;
        }

        public Builder readyTimeout(final Duration value) {
            this.readyTimeout = Objects.requireNonNull(value, "readyTimeout");
            return this;
        }

        public Builder changeWindow(final int value) {
            this.changeWindow = value;
            return this;
        }

        public Builder streamsOverrides(final Map<String, String> value) {
            this.streamsOverrides = Objects.requireNonNull(value, "streamsOverrides");
            return this;
        }

        public ServeSettings build() {
            return new ServeSettings(cluster, applicationId, topics, stateDir, httpHost, httpPort, advertisedHost, partitions, replicationFactor,
                    readyTimeout, changeWindow, streamsOverrides);
        }
    }
}
