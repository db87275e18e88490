package eu.partnershiptracker.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real broker behind {@link Infrastructure}, injected through the constructor. */
@ExtendWith(RealInfrastructure.class)
class KafkaBrokerTest {

    private final Infrastructure infrastructure;

    KafkaBrokerTest(final Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        final String topic = infrastructure.uniqueTopic("smoke");
        infrastructure.createTopic(topic, 1, Map.of());

        final Map<String, Object> producerProperties = infrastructure.clientProperties();
        producerProperties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "eu-nato", "joint declaration issued")).get(30, TimeUnit.SECONDS);
        }

        final Map<String, Object> consumerProperties = infrastructure.clientProperties();
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            final List<ConsumerRecord<String, String>> received = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> {
                        consumer.poll(Duration.ofMillis(200)).forEach(received::add);
                        return !received.isEmpty();
                    });
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("eu-nato");
                assertThat(record.value()).isEqualTo("joint declaration issued");
            });
        }
    }

    @Test
    void createsTopicsWithTheGivenPartitionsAndConfigs() throws Exception {
        final String topic = infrastructure.uniqueTopic("events");
        infrastructure.createTopic(topic, 3, Map.of("retention.ms", "-1"));

        final TopicDescription description = infrastructure.admin().describeTopics(List.of(topic))
                .allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
        assertThat(description.partitions()).hasSize(3);
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        final Config config = infrastructure.admin().describeConfigs(Set.of(resource))
                .all().get(30, TimeUnit.SECONDS).get(resource);
        assertThat(config.get("retention.ms").value()).isEqualTo("-1");
    }

    @Test
    void handsOutTopicNamesThatDoNotClash() {
        final String first = infrastructure.uniqueTopic("changes");
        final String second = infrastructure.uniqueTopic("changes");
        assertThat(first).startsWith("changes-").isNotEqualTo(second);
        assertThat(second).startsWith("changes-");
    }

    @Test
    void givesEachCallerItsOwnCopyOfTheClientProperties() {
        final Map<String, Object> properties = infrastructure.clientProperties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "elsewhere:9092");
        assertThat(infrastructure.clientProperties())
                .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.bootstrapServers());
    }
}
