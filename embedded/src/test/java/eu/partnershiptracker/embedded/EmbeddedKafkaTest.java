package eu.partnershiptracker.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker in a child JVM: it serves clients, keeps its data across restarts, and refuses a taken port. */
class EmbeddedKafkaTest {

    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final String TOPIC = "partnership-events";

    @TempDir
    Path dir;

    @Test
    void roundTripsARecordAndKeepsItAcrossARestartOnTheSameDataDirectory() throws Exception {
        try (EmbeddedKafka broker = EmbeddedKafka.start(dir, 0, STARTUP)) {
            try (Admin admin = admin(broker)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>(TOPIC, "EU:JP", "SDP signed")).get(30, TimeUnit.SECONDS);
            }
            assertThat(readAll(broker)).containsExactly("EU:JP=SDP signed");
        }

        try (EmbeddedKafka restarted = EmbeddedKafka.start(dir, 0, STARTUP)) {
            try (Admin admin = admin(restarted)) {
                assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(TOPIC);
            }
            assertThat(readAll(restarted)).containsExactly("EU:JP=SDP signed");
        }
    }

    @Test
    void aTakenPortIsAClearErrorAndNothingIsStarted() throws Exception {
        final Path dataDirectory = dir.resolve("data");
        try (ServerSocket taken = new ServerSocket(0)) {
            assertThatThrownBy(() -> EmbeddedKafka.start(dataDirectory, taken.getLocalPort(), STARTUP))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("port " + taken.getLocalPort()
                            + " is already in use, so the Kafka broker cannot listen on it");
        }
        assertThat(Files.exists(dataDirectory)).as("data directory written").isFalse();
    }

    private static Admin admin(final EmbeddedKafka broker) {
        return Admin.create(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static List<String> readAll(final EmbeddedKafka broker) {
        final List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(TOPIC, 0)));
            await("the record on " + TOPIC).atMost(Duration.ofSeconds(30)).until(() -> {
                for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.key() + "=" + record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }
}
