package eu.partnershiptracker.query;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.testing.TestEvents;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.query.http.JsonMapping;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Instances hold disjoint shares of the partnerships and exchange their answers as the API's JSON. Whatever the
 * split, reading every share's answer back and merging the typed answers gives the answer of one instance holding
 * everything.
 */
class AnswersMergeTest {

    private static final List<String> PARTNERSHIPS = List.of("EU:JP", "EU:NO", "EU:MD", "NATO:UA", "NATO:JP");
    private static final List<InstrumentType> TYPES = List.of(InstrumentType.SDP, InstrumentType.FPA,
            InstrumentType.ITPP);
    private static final List<EventKind> KINDS = List.of(EventKind.NEGOTIATIONS_LAUNCHED, EventKind.SIGNED,
            EventKind.ENTERED_INTO_FORCE, EventKind.ENDORSED, EventKind.TERMINATED);
    private static final List<String> DATES = List.of("2004", "2010-06", "2016-07-08", "2018", "2018-07-10",
            "2023-01", "2024-05-21");
    private static final LocalDate AS_OF = LocalDate.of(2017, 1, 1);
    /** Half-way through the recording of the generated events (TestEvents records them a second apart). */
    private static final QueryTime KNOWN = new QueryTime(null, Instant.ofEpochSecond(1_700_000_010L));

    private final ObjectMapper json = JsonMapping.create();

    /** One generated event: which partnership, instrument, kind and date, and which share holds its partnership. */
    record Draft(int partnership, int type, int kind, int date) {
    }

    @Property(tries = 200)
    void mergedSharesAnswerAsTheWholeDoes(@ForAll("drafts") final List<Draft> drafts,
            @ForAll("shareOfPartnership") final List<Integer> shareOf) throws IOException {
        final Map<String, Timeline> whole = timelines(drafts);
        final List<Map<String, Timeline>> shares = List.of(new HashMap<>(), new HashMap<>(), new HashMap<>());
        whole.forEach((key, timeline) -> shares.get(shareOf.get(PARTNERSHIPS.indexOf(key))).put(key, timeline));
        final TimelineQueries all = queries(whole);
        final List<TimelineQueries> parts = shares.stream().map(AnswersMergeTest::queries).toList();

        final QueryTime asOf = new QueryTime(AS_OF, null);
        final PartnershipFilter sdp = new PartnershipFilter(null, InstrumentType.SDP, null, CertaintyFilter.CERTAIN);
        final PartnershipFilter signed = new PartnershipFilter(null, null, InstrumentStatus.SIGNED, CertaintyFilter.ANY);
        assertMergesTo(all.partnerships(asOf, PartnershipFilter.ALL), parts,
                part -> part.partnerships(asOf, PartnershipFilter.ALL), Answers.PartnershipList.class,
                Answers.PartnershipList::merge);
        assertMergesTo(all.partnerships(QueryTime.NOW, sdp), parts, part -> part.partnerships(QueryTime.NOW, sdp),
                Answers.PartnershipList.class, Answers.PartnershipList::merge);
        assertMergesTo(all.partnerships(KNOWN, signed), parts, part -> part.partnerships(KNOWN, signed),
                Answers.PartnershipList.class, Answers.PartnershipList::merge);
        assertMergesTo(all.changes(null, null, null), parts, part -> part.changes(null, null, null),
                Answers.ChangeList.class, Answers.ChangeList::merge);
        assertMergesTo(all.changes(null, null, KNOWN.knownAt()), parts,
                part -> part.changes(null, null, KNOWN.knownAt()), Answers.ChangeList.class, Answers.ChangeList::merge);
        for (final CertaintyFilter certainty : CertaintyFilter.values()) {
            assertMergesTo(all.stats(asOf, certainty), parts, part -> part.stats(asOf, certainty), Answers.Stats.class,
                    Answers.Stats::merge);
            assertMergesTo(all.stats(KNOWN, certainty), parts, part -> part.stats(KNOWN, certainty),
                    Answers.Stats.class, Answers.Stats::merge);
            assertMergesTo(all.statsTimeline(null, null, certainty, null), parts,
                    part -> part.statsTimeline(null, null, certainty, null), Answers.StatsTimeline.class,
                    Answers.StatsTimeline::merge);
            assertMergesTo(all.statsTimeline(null, null, certainty, KNOWN.knownAt()), parts,
                    part -> part.statsTimeline(null, null, certainty, KNOWN.knownAt()), Answers.StatsTimeline.class,
                    Answers.StatsTimeline::merge);
        }
    }

    private <T> void assertMergesTo(final T whole, final List<TimelineQueries> parts,
            final Function<TimelineQueries, T> query, final Class<T> type, final Function<List<T>, T> merge)
            throws IOException {
        final List<T> received = new ArrayList<>();
        for (final TimelineQueries part : parts) {
            received.add(json.readValue(json.writeValueAsString(query.apply(part)), type));
        }
        final JsonNode expected = json.valueToTree(whole);
        final JsonNode merged = json.valueToTree(merge.apply(received));
        assertThat(merged).as(type.getSimpleName()).isEqualTo(expected);
    }

    private static TimelineQueries queries(final Map<String, Timeline> timelines) {
        final InMemoryTimelines store = InMemoryTimelines.of(timelines);
        return new TimelineQueries(() -> store);
    }

    private static Map<String, Timeline> timelines(final List<Draft> drafts) {
        final Map<String, List<PolicyEvent.Builder>> byKey = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            final Draft draft = drafts.get(i);
            final String key = PARTNERSHIPS.get(draft.partnership());
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(event("e" + i, key, TYPES.get(draft.type()),
                    KINDS.get(draft.kind()), DATES.get(draft.date())));
        }
        final Map<String, Timeline> timelines = new HashMap<>();
        byKey.forEach((key, events) ->
                timelines.put(key, TestEvents.timeline(events.toArray(PolicyEvent.Builder[]::new))));
        return timelines;
    }

    @Provide
    Arbitrary<List<Draft>> drafts() {
        return Combinators.combine(
                Arbitraries.integers().between(0, PARTNERSHIPS.size() - 1),
                Arbitraries.integers().between(0, TYPES.size() - 1),
                Arbitraries.integers().between(0, KINDS.size() - 1),
                Arbitraries.integers().between(0, DATES.size() - 1)).as(Draft::new).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<Integer>> shareOfPartnership() {
        return Arbitraries.integers().between(0, 2).list().ofSize(PARTNERSHIPS.size());
    }
}
