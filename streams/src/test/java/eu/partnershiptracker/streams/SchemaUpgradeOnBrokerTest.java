package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.HELD;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.JOINT_DECLARATION;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.serde.AvroSerializer;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade to PolicyEvent v2 on the real broker and registry: events a v1 producer wrote before the upgrade
 * (registered as schemas/history/PolicyEvent/v1.avsc) are read and folded by the current application, its serializer
 * registers v2 over v1 under the registry's BACKWARD rule, and v1 and v2 records on one topic fold together; the
 * timelines store the application kept before the upgrade is restored from its changelog and carried on, no reset.
 */
@ExtendWith(RealInfrastructure.class)
class SchemaUpgradeOnBrokerTest {

    private static final Instant T0 = Instant.parse("2025-04-01T00:00:00Z");
    private static final List<LocalDate> AS_OF = List.of(LocalDate.of(2020, 1, 1), LocalDate.of(2023, 5, 31),
            LocalDate.of(2024, 12, 31));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    @Test
    void recordsWrittenAsV1BeforeTheUpgradeAreReadAndFoldedWithLaterV2Ones(final Infrastructure infra)
            throws Exception {
        final List<PolicyEvent> beforeUpgrade = List.of(
                event("jp-talks", FPA, NEGOTIATIONS_LAUNCHED, "2021").build(),
                event("jp-signed", FPA, SIGNED, "2023-05-21").build(),
                event("no-sdp", "EU:NO", SDP, SIGNED, "2024-05-28").build(),
                event("ua-meeting", "NATO:UA", JOINT_DECLARATION, HELD, "2022-11").setInstrumentKey("2022").build());
        final List<PolicyEvent> afterUpgradeV2 = List.of(
                event("jp-in-force", FPA, ENTERED_INTO_FORCE, "2023-06").build(),
                event("no-sdp-date", "EU:NO", SDP, SIGNED, "2024-05-27").setCorrection(corrects("no-sdp")).build());
        final List<PolicyEvent> afterUpgradeV1 = List.of(
                event("ua-meeting-retracted", "NATO:UA", JOINT_DECLARATION, HELD, "2022-11").setInstrumentKey("2022")
                        .setCorrection(retracts("ua-meeting")).build(),
                event("jp-sdp", SDP, SIGNED, "2024-11-01").build());

        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of());
                AvroSerializer<GenericRecord> v1Producer = new AvroSerializer<>()) {
            v1Producer.configure(tracker.config().serdeConfig(), false);
            final String subject = tracker.config().topics().events() + "-value";
            tracker.publish(asV1(tracker, v1Producer, beforeUpgrade, T0));
            assertThat(latest(infra, subject).path("version").asInt()).isEqualTo(1);
            assertThat(latestSchema(infra, subject)).isEqualTo(PolicyEventsV1.SCHEMA);

            final KafkaStreams streams = tracker.start(stateDir);
            tracker.awaitProcessed();
            final ExpectedOutcome upgraded = ExpectedOutcome.of(beforeUpgrade);
            CommittedOutput.read(tracker).assertMatches(upgraded);
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(streams), upgraded, AS_OF);

            // The application's serializer registers v2 over v1 under the registry's BACKWARD rule; a producer still
            // on v1 goes on writing v1 records to the same topic.
            final List<ProducerRecord<String, byte[]>> mixed = new ArrayList<>(
                    tracker.records(afterUpgradeV2, T0.plusSeconds(beforeUpgrade.size())));
            assertThat(latest(infra, subject).path("version").asInt()).isEqualTo(2);
            assertThat(latestSchema(infra, subject)).isEqualTo(PolicyEvent.getClassSchema());
            mixed.addAll(asV1(tracker, v1Producer, afterUpgradeV1, T0.plusSeconds(100)));
            tracker.publish(mixed);
            tracker.awaitProcessed();

            final List<PolicyEvent> all = new ArrayList<>(beforeUpgrade);
            all.addAll(afterUpgradeV2);
            all.addAll(afterUpgradeV1);
            final ExpectedOutcome expected = ExpectedOutcome.of(all);
            final CommittedOutput output = CommittedOutput.read(tracker);
            output.assertMatches(expected);
            assertThat(output.deadLetters()).isEmpty();
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(streams), expected, AS_OF);
        }
    }

    @Test
    void aStoreWrittenBeforeTheUpgradeIsRestoredFromItsChangelogWithoutAReset(final Infrastructure infra)
            throws Exception {
        final List<PolicyEvent> stored = List.of(
                event("jp-talks", FPA, NEGOTIATIONS_LAUNCHED, "2021").build(),
                event("jp-signed", FPA, SIGNED, "2023-05-21").build(),
                event("no-sdp", "EU:NO", SDP, SIGNED, "2024-05-28").build());
        final List<PolicyEvent> later = List.of(
                event("jp-in-force", FPA, ENTERED_INTO_FORCE, "2023-06").build(),
                event("no-sdp-date", "EU:NO", SDP, SIGNED, "2024-05-27").setCorrection(corrects("no-sdp")).build());
        final List<PolicyEvent> all = new ArrayList<>(stored);
        all.addAll(later);
        final ExpectedOutcome before = ExpectedOutcome.of(stored);
        final ExpectedOutcome expected = ExpectedOutcome.of(all);

        try (BrokerTracker tracker = new BrokerTracker(infra, Map.of())) {
            // The changelog as the application left it before the upgrade: each partnership's timeline in format 1,
            // counting the changes that application emitted. Its local state is gone, so the store is restored and
            // its timelines moved into rows.
            infra.createTopic(tracker.timelinesChangelogTopic(), BrokerTracker.PARTITIONS,
                    Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            tracker.publish(formatOneTimelines(tracker.timelinesChangelogTopic(), stored, before));

            final KafkaStreams streams = tracker.start(stateDir);
            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(streams), before, AS_OF);
            tracker.publish(tracker.records(later, T0.plusSeconds(stored.size())));
            tracker.awaitProcessed();

            CommittedOutput.assertStoreMatches(BrokerTracker.timelines(streams), expected, AS_OF);
            final CommittedOutput output = CommittedOutput.read(tracker);
            assertThat(output.deadLetters()).isEmpty();
            for (final String key : before.partnerships()) {
                final int done = before.changesOf(key).size();
                final List<String> rest = expected.changesOf(key).subList(done, expected.changesOf(key).size());
                assertThat(output.changesOf(key)).as("changes of %s after the upgrade", key)
                        .extracting(ExpectedOutcome::describe).containsExactlyElementsOf(rest);
                assertThat(output.changesOf(key)).as("change ids of %s continue", key)
                        .extracting(PartnershipChange::getChangeId)
                        .containsExactlyElementsOf(IntStream.rangeClosed(done + 1, done + rest.size())
                                .mapToObj(n -> key + "/" + n).toList());
            }
        }
    }

    /** Per partnership, its timeline of the events in arrival order in format 1, keyed as the store keys it. */
    private static List<ProducerRecord<String, byte[]>> formatOneTimelines(final String changelog,
            final List<PolicyEvent> events, final ExpectedOutcome outcome) {
        final Map<String, Timeline> timelines = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            final PolicyEvent event = events.get(i);
            timelines.merge(ExpectedOutcome.key(event),
                    Timeline.EMPTY.with(new TimelineEntry(event, T0.plusSeconds(i), 0, i)),
                    (known, added) -> known.with(added.entries().get(0)));
        }
        return timelines.entrySet().stream()
                .map(entry -> new ProducerRecord<>(changelog, entry.getKey(), StoredTimelines.formatOne(
                        entry.getValue().withChangeCount(outcome.changesOf(entry.getKey()).size()))))
                .toList();
    }

    /** The events as a producer built against PolicyEvent v1 writes them, in the registry's wire format. */
    private static List<ProducerRecord<String, byte[]>> asV1(final BrokerTracker tracker,
            final AvroSerializer<GenericRecord> v1Producer, final List<PolicyEvent> events, final Instant start) {
        final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            final PolicyEvent event = events.get(i);
            records.add(tracker.raw(ExpectedOutcome.key(event),
                    v1Producer.serialize(tracker.config().topics().events(), PolicyEventsV1.of(event)),
                    start.plusSeconds(i)));
        }
        return records;
    }

    private static Schema latestSchema(final Infrastructure infra, final String subject) throws Exception {
        return new Schema.Parser().parse(latest(infra, subject).path("schema").asText());
    }

    /** The registry's answer for the subject's latest version, through its Confluent-compatible API. */
    private static JsonNode latest(final Infrastructure infra, final String subject) throws Exception {
        final HttpRequest request = HttpRequest.newBuilder(URI.create(infra.registryUrl() + "/subjects/"
                + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions/latest")).GET().build();
        final HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("registry answer: %s", response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
