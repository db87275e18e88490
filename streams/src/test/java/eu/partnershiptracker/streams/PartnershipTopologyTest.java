package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.model.Certainty.CERTAIN;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.LAUNCHED;
import static eu.partnershiptracker.model.EventKind.NEGOTIATIONS_LAUNCHED;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.JOINT_DECLARATION;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.ChangeOperation;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentTransition;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipInstrument;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnershipTopologyTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyFixture fixture;

    @BeforeEach
    void start() {
        fixture = new TopologyFixture(stateDir);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void theStoresChangelogsAreCompactedWithTheInstrumentsTopicsSettings() {
        assertThat(PartnershipTopology.rowsStore().loggingEnabled()).isTrue();
        assertThat(PartnershipTopology.rowsStore().logConfig()).isEqualTo(TrackerTopics.LATEST_PER_KEY);
        assertThat(PartnershipTopology.timelineStore().loggingEnabled()).isTrue();
        assertThat(PartnershipTopology.timelineStore().logConfig()).isEqualTo(TrackerTopics.LATEST_PER_KEY);
    }

    @Test
    void everyAcceptedEventBecomesOneChangeAndTheLatestStateOfItsInstrument() {
        pipe(event("signed", FPA, SIGNED, "2023-05-21").build(), 0);
        pipe(event("in-force", FPA, ENTERED_INTO_FORCE, "2023-06").build(), 1);
        pipe(event("talks", FPA, NEGOTIATIONS_LAUNCHED, "2021").build(), 2);

        final List<PartnershipChange> changes = fixture.changes.readValuesToList();
        assertThat(changes).extracting(PartnershipChange::getChangeId, PartnershipChange::getOperation,
                PartnershipChange::getCauseEventId, PartnershipChange::getRetroactive).containsExactly(
                        tuple("EU:JP/1", ChangeOperation.CREATE, "signed", false),
                        tuple("EU:JP/2", ChangeOperation.UPDATE, "in-force", false),
                        tuple("EU:JP/3", ChangeOperation.UPDATE, "talks", true));
        final PartnershipChange first = changes.get(0);
        assertThat(first.getBefore()).isNull();
        assertThat(first.getTransitions()).containsExactly(new InstrumentTransition(FPA, null, null, InstrumentStatus.SIGNED, null, CERTAIN));
        assertThat(first.getRecordedAt()).isEqualTo(T0);
        assertThat(first.getSource().getTopic()).isEqualTo("policy-events");
        assertThat(first.getSource().getOffset()).isZero();
        assertThat(first.getSource().getDocument()).isEqualTo("source-of-signed.txt");
        assertThat(changes.get(1).getTransitions())
                .containsExactly(new InstrumentTransition(FPA, null, InstrumentStatus.SIGNED, InstrumentStatus.IN_FORCE, CERTAIN,
                        CERTAIN));
        assertThat(changes.get(2).getTransitions()).isEmpty();

        final List<TestRecord<String, PartnershipInstrument>> instruments = fixture.instruments.readRecordsToList();
        assertThat(instruments).extracting(TestRecord::key).containsExactly("EU:JP|FPA", "EU:JP|FPA", "EU:JP|FPA");
        assertThat(instruments).extracting(TestRecord::getRecordTime).containsExactly(T0, T0.plusSeconds(1),
                T0.plusSeconds(2));
        final PartnershipState current = PartnershipFold.stateAsOf(fixture.timeline("EU:JP"), null);
        assertThat(current.getEvents()).hasSize(3);
        final PartnershipState withoutGrowingLists = PartnershipState.newBuilder(current).setEvents(List.of())
                .setInstruments(List.of(InstrumentState.newBuilder(current.getInstruments().get(0))
                        .setEventIds(List.of()).build()))
                .build();
        assertThat(instruments.get(2).value()).as("the instruments topic leaves the growing lists of events to the API")
                .isEqualTo(PartnershipInstrument.newBuilder()
                        .setActor(Actor.EU)
                        .setCounterpart("JP")
                        .setCounterpartName(current.getCounterpartName())
                        .setInstrument(withoutGrowingLists.getInstruments().get(0))
                        .setConflicts(List.of())
                        .setChangeId("EU:JP/3")
                        .setCauseEventId("talks")
                        .setRecordedAt(T0.plusSeconds(2))
                        .build());
        assertThat(changes.get(2).getAfter()).as("change images carry the changed instruments, here the only one")
                .isEqualTo(withoutGrowingLists);
        assertThat(fixture.timeline("EU:JP").changeCount()).isEqualTo(3);
    }

    @Test
    void aRepublishedEventChangesNothingAndAReusedIdIsRejected() {
        final PolicyEvent signed = event("signed", FPA, SIGNED, "2023-05-21").build();
        final PolicyEvent reused = event("signed", FPA, SIGNED, "2024").build();
        pipe(signed, 0);
        pipe(signed, 1);
        pipe(reused, 2);

        assertThat(fixture.changes.readValuesToList()).hasSize(1);
        final TestRecord<String, byte[]> dead = fixture.deadLetters.readRecord();
        assertThat(dead.value()).isEqualTo(fixture.bytes(reused));
        assertThat(dead.key()).isEqualTo("EU:JP");
        assertThat(header(dead.headers(), DeadLetters.REJECTION)).isEqualTo("REUSED_EVENT_ID");
        assertThat(header(dead.headers(), DeadLetters.MESSAGE)).contains("'signed'", "different content", "offset 0");
        assertThat(header(dead.headers(), DeadLetters.OFFSET)).isEqualTo("2");
        assertThat(fixture.deadLetters.isEmpty()).isTrue();
        assertThat(fixture.timeline("EU:JP").entries()).singleElement()
                .satisfies(entry -> assertThat(entry.event()).isEqualTo(signed));
        assertThat(fixture.metric(TrackerMetrics.GROUP, TrackerMetrics.DUPLICATE_TOTAL)).isEqualTo(1.0);
        assertThat(fixture.metric(TrackerMetrics.GROUP, TrackerMetrics.REJECTED_TOTAL)).isEqualTo(1.0);
    }

    @Test
    void idsWithEqualHashesAreToldApartByTheirRows() {
        assertThat("signed-Aa".hashCode()).as("the ids collide").isEqualTo("signed-BB".hashCode());
        final PolicyEvent signed = event("signed-Aa", FPA, SIGNED, "2023-05-21").build();
        final PolicyEvent inForce = event("signed-BB", FPA, ENTERED_INTO_FORCE, "2024").build();
        pipe(signed, 0);
        pipe(inForce, 1);
        pipe(event("signed-Aa", FPA, SIGNED, "2024").build(), 2);
        pipe(inForce, 3);
        pipe(event("signed-BB", FPA, SIGNED, "2019").build(), 4);

        assertThat(fixture.changes.readValuesToList()).extracting(PartnershipChange::getCauseEventId)
                .as("the colliding new id is accepted").containsExactly("signed-Aa", "signed-BB");
        final List<TestRecord<String, byte[]>> dead = fixture.deadLetters.readRecordsToList();
        assertThat(dead).extracting(record -> header(record.headers(), DeadLetters.REJECTION),
                record -> header(record.headers(), DeadLetters.OFFSET))
                .as("both reused ids are caught").containsExactly(tuple("REUSED_EVENT_ID", "2"),
                        tuple("REUSED_EVENT_ID", "4"));
        assertThat(header(dead.get(0).headers(), DeadLetters.MESSAGE)).contains("'signed-Aa'", "offset 0");
        assertThat(header(dead.get(1).headers(), DeadLetters.MESSAGE)).contains("'signed-BB'", "offset 1");
        assertThat(fixture.timeline("EU:JP").entries()).extracting(entry -> entry.event())
                .containsExactlyInAnyOrder(signed, inForce);
        assertThat(fixture.metric(TrackerMetrics.GROUP, TrackerMetrics.DUPLICATE_TOTAL)).isEqualTo(1.0);
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndProcessingContinues() {
        final byte[] notAvro = "{\"eventId\": \"json\"}".getBytes(StandardCharsets.UTF_8);
        final byte[] unknownSchema = ByteBuffer.allocate(8).put((byte) 0).putInt(987_654).putShort((short) 2).array();
        fixture.rawEvents.pipeInput("EU:JP", notAvro, T0);
        fixture.rawEvents.pipeInput("EU:JP", unknownSchema, T0.plusSeconds(1));
        pipe(event("signed", FPA, SIGNED, "2023-05-21").build(), 2);

        final List<TestRecord<String, byte[]>> dead = fixture.deadLetters.readRecordsToList();
        assertThat(dead).extracting(TestRecord::value).containsExactly(notAvro, unknownSchema);
        assertThat(dead).allSatisfy(record -> {
            assertThat(header(record.headers(), DeadLetters.REJECTION)).isEqualTo("UNREADABLE");
            assertThat(header(record.headers(), DeadLetters.MESSAGE)).isNotBlank();
            assertThat(header(record.headers(), DeadLetters.TOPIC)).isEqualTo("policy-events");
        });
        assertThat(header(dead.get(1).headers(), DeadLetters.MESSAGE)).contains("987654");
        assertThat(fixture.changes.readValuesToList()).extracting(PartnershipChange::getCauseEventId)
                .containsExactly("signed");
        assertThat(fixture.metric(TrackerMetrics.GROUP, TrackerMetrics.REJECTED_TOTAL)).isEqualTo(2.0);
    }

    @Test
    void wrongKeysAndEmptyValuesAreRejected() {
        pipe("EU:NO", event("signed", FPA, SIGNED, "2023").build(), 0);
        fixture.rawEvents.pipeInput("EU:JP", null, T0.plusSeconds(1));

        final List<TestRecord<String, byte[]>> dead = fixture.deadLetters.readRecordsToList();
        assertThat(dead).extracting(record -> header(record.headers(), DeadLetters.REJECTION))
                .containsExactly("KEY_MISMATCH", "NO_VALUE");
        assertThat(fixture.changes.isEmpty()).isTrue();
        assertThat(fixture.timeline("EU:NO")).isNull();
    }

    @Test
    void retractingTheLastFactDeletesTheInstrument() {
        pipe(event("signed", FPA, SIGNED, "2023").build(), 0);
        pipe(event("oops", FPA, SIGNED, "2023").setCorrection(retracts("signed")).build(), 1);

        assertThat(fixture.changes.readValuesToList()).extracting(PartnershipChange::getOperation,
                PartnershipChange::getRetroactive).containsExactly(tuple(ChangeOperation.CREATE, false),
                        tuple(ChangeOperation.DELETE, true));
        final List<TestRecord<String, PartnershipInstrument>> instruments = fixture.instruments.readRecordsToList();
        assertThat(instruments).extracting(TestRecord::key).containsExactly("EU:JP|FPA", "EU:JP|FPA");
        assertThat(instruments.get(1).value()).as("a tombstone").isNull();
    }

    @Test
    void anEventWritesOnlyTheInstrumentsItChanges() {
        pipe(event("fpa-signed", FPA, SIGNED, "2023").build(), 0);
        pipe(event("declaration", JOINT_DECLARATION, SIGNED, "2016-07-08").setInstrumentKey("2016").build(), 1);
        pipe(event("sdp", "EU:NO", SDP, LAUNCHED, "2020").build(), 2);
        fixture.instruments.readRecordsToList();

        pipe(event("fpa-in-force", FPA, ENTERED_INTO_FORCE, "2024").build(), 3);
        pipe(event("declaration-retracted", JOINT_DECLARATION, SIGNED, "2016-07-08").setInstrumentKey("2016")
                .setCorrection(retracts("declaration")).build(), 4);

        final List<TestRecord<String, PartnershipInstrument>> instruments = fixture.instruments.readRecordsToList();
        assertThat(instruments).extracting(TestRecord::key)
                .as("the FPA, then the declaration's tombstone; neither EU:NO's SDP nor the FPA again")
                .containsExactly("EU:JP|FPA", "EU:JP|JOINT_DECLARATION|2016");
        assertThat(instruments.get(0).value().getInstrument().getStatus()).isEqualTo(InstrumentStatus.IN_FORCE);
        assertThat(instruments.get(1).value()).isNull();
    }

    @Test
    void conflictingClaimsTravelWithTheirInstrument() {
        pipe(event("signed-may", FPA, SIGNED, "2023-05-21").build(), 0);
        pipe(event("signed-june", FPA, SIGNED, "2023-06-02").build(), 1);

        final List<TestRecord<String, PartnershipInstrument>> instruments = fixture.instruments.readRecordsToList();
        assertThat(instruments).extracting(TestRecord::key).containsExactly("EU:JP|FPA", "EU:JP|FPA");
        assertThat(instruments.get(1).value().getConflicts()).singleElement()
                .satisfies(conflict -> assertThat(conflict.getInstrument()).isEqualTo(FPA));
    }

    private void pipe(final PolicyEvent event, final int second) {
        pipe(PartnershipKey.of(event), event, second);
    }

    private void pipe(final String key, final PolicyEvent event, final int second) {
        fixture.events.pipeInput(key, event, T0.plusSeconds(second));
    }

    private static String header(final Headers headers, final String name) {
        return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
