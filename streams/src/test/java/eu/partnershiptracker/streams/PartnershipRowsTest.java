package eu.partnershiptracker.streams;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.date;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;
import static eu.partnershiptracker.model.EventKind.ENTERED_INTO_FORCE;
import static eu.partnershiptracker.model.EventKind.HELD;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.FPA;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.PartnershipState;
import eu.partnershiptracker.model.PolicyEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows store's layout (a partnership's rows are one prefix range, its events in timeline order) and the indexes
 * the processor publishes from it, which must answer as the fold of the same rows.
 */
class PartnershipRowsTest {

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
    void aPartnershipsRowsAreOnePrefixRangeWithItsEventsInTimelineOrder() {
        final List<PolicyEvent> events = List.of(
                event("late", FPA, ENTERED_INTO_FORCE, "2024-05").build(),
                event("longer-name", "EU:JPN", FPA, SIGNED, "2020").build(),
                event("bounded", SDP, SIGNED, "2019").setEventDate(null)
                        .setDateBounds(new DateBounds(date("2019-03"), date("2019-09"))).build(),
                event("open", SDP, HELD, "2019").setEventDate(null)
                        .setDateBounds(new DateBounds(null, date("2018"))).build(),
                event("early", FPA, SIGNED, "2019-03-01").build());
        pipe(events);

        final List<String> keys = new ArrayList<>();
        try (KeyValueIterator<Bytes, byte[]> all = fixture.rowStore().all()) {
            all.forEachRemaining(row -> keys.add(readable(row)));
        }
        assertThat(keys).containsExactly(
                "EU:JP|E|open", "EU:JP|E|early", "EU:JP|E|bounded", "EU:JP|E|late", "EU:JP|H",
                "EU:JP|P|bounded", "EU:JP|P|early", "EU:JP|P|late", "EU:JP|P|open",
                "EU:JPN|E|longer-name", "EU:JPN|H", "EU:JPN|P|longer-name");
        final Timeline timeline = fixture.timeline("EU:JP");
        assertThat(timeline.entries()).extracting(TimelineEntry::eventId)
                .as("in arrival order").containsExactly("late", "bounded", "open", "early");
        assertThat(timeline.entries().get(1).event()).isEqualTo(events.get(2));
        assertThat(timeline.changeCount()).isEqualTo(4);
        assertThat(fixture.rows().find("EU:JP", "longer-name")).as("another partnership's event").isEmpty();
        assertThat(fixture.timeline("EU:KR")).isNull();
    }

    @Test
    void thePublishedIndexesAnswerAsTheFoldOfTheRows() {
        pipe(List.of(
                event("signed", FPA, SIGNED, "2023-05-21").build(),
                event("fixed", FPA, SIGNED, "2023-05-22").setCorrection(corrects("later")).build(),
                event("later", FPA, ENTERED_INTO_FORCE, "2023-06").build(),
                event("sdp", "EU:NO", SDP, SIGNED, "2024-05-28").build(),
                event("sdp-gone", "EU:NO", SDP, SIGNED, "2024-05-28").setCorrection(retracts("sdp")).build(),
                event("talks", FPA, HELD, "2021").build()));

        for (final String partnership : List.of("EU:JP", "EU:NO")) {
            final Timeline timeline = fixture.timeline(partnership);
            final PartnershipIndex index = fixture.indexes.find(partnership).orElseThrow();
            for (final LocalDate date : Arrays.asList(null, LocalDate.of(2021, 6, 1), LocalDate.of(2023, 5, 21))) {
                final PartnershipState expected = PartnershipFold.stateAsOf(timeline, date);
                assertThat(index.stateAsOf(date, fixture.rows().lookup(partnership)))
                        .as(partnership + " as of " + date).isEqualTo(expected);
            }
            assertThat(index.changeCount()).isEqualTo(timeline.changeCount());
        }
        final List<String> published = new ArrayList<>();
        fixture.indexes.forEach((partnership, index) -> published.add(partnership));
        assertThat(published).containsExactlyInAnyOrder("EU:JP", "EU:NO");
        // The test driver runs one task, of partition 0.
        assertThat(fixture.indexes.partition(0)).hasValueSatisfying(
                share -> assertThat(share).containsOnlyKeys("EU:JP", "EU:NO"));
        assertThat(fixture.indexes.partition(1)).isEmpty();
    }

    private void pipe(final List<PolicyEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            fixture.events.pipeInput(ExpectedOutcome.key(events.get(i)), events.get(i), T0.plusSeconds(i));
        }
    }

    /** "PARTNERSHIP|FAMILY|eventId" for a row key; E rows name the eventId after their sort prefix. */
    private static String readable(final KeyValue<Bytes, byte[]> row) {
        final byte[] key = row.key.get();
        int separator = 0;
        while (key[separator] != 0) {
            separator++;
        }
        final String partnership = new String(key, 0, separator, StandardCharsets.UTF_8);
        final char family = (char) key[separator + 1];
        final int idFrom = separator + 2 + (family == 'E' ? Long.BYTES + 2 : 0);
        final String id = new String(key, idFrom, key.length - idFrom, StandardCharsets.UTF_8);
        return partnership + "|" + family + (id.isEmpty() ? "" : "|" + id);
    }
}
