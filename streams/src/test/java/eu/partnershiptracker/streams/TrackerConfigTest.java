package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.cluster.TopicNames;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

    private static final TrackerConfig CONFIG = TrackerConfig.of("broker:9092", "mock://tracker-config-test");

    @Test
    void theClientsKafkaStreamsMakesGetTheWorkloadDefaults() {
        final StreamsConfig streams = new StreamsConfig(CONFIG.streamsProperties());

        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(streams.getClass(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG))
                .isEqualTo(BoundedRocksDbMemory.class);
        assertThat(streams.getProducerConfigs("client")).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "131072")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "10");
        assertThat(streams.getRestoreConsumerConfigs("client"))
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "10000");
    }

    @Test
    void overridesWinOverTheDefaults() {
        final StreamsConfig streams = new StreamsConfig(CONFIG.withStreamsOverrides(Map.of(
                StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "50",
                StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none",
                StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), "100")).streamsProperties());

        assertThat(streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(50L);
        assertThat(streams.getProducerConfigs("client")).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none")
                .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "100")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, "131072");
    }

    @Test
    void settingsFromTheClientConfigFileStillWinOverTheDefaults() {
        final ClusterSettings cluster = ClusterSettings.of("broker:9092", "mock://tracker-config-test");
        final TrackerConfig fromFile = new TrackerConfig(TrackerConfig.DEFAULT_APPLICATION_ID,
                new ClusterSettings(cluster.bootstrapServers(), cluster.registryUrl(),
                        Map.of(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd"),
                        cluster.timeout()),
                TopicNames.DEFAULTS, Map.of());

        assertThat(new StreamsConfig(fromFile.streamsProperties()).getProducerConfigs("client"))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void aMemoryBudgetThatIsNotANumberOfBytesIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> CONFIG.withStreamsOverrides(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "64MB")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)
                .hasMessageContaining("64MB")
                .hasMessageContaining("whole number of bytes");
        assertThatThrownBy(() -> CONFIG.withStreamsOverrides(Map.of(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, "1024")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG)
                .hasMessageContaining("at least " + BoundedRocksDbMemory.MIN_MEMORY_BYTES);
    }
}
