package eu.partnershiptracker.core.changes;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.InstrumentVersions;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.core.index.EntryLookup;
import eu.partnershiptracker.core.index.IndexDelta;
import eu.partnershiptracker.core.index.PartnershipIndex;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ChangeFeed} on a {@link PartnershipIndex}: the same decision (a change whenever there is a current state
 * before or after the event), changeId sequence, operation, retroactive flag, transitions, times and source, at a cost
 * that does not grow with the partnership's history.
 * <ul>
 * <li>The before and after images carry the current state's header (names, lastEventId, updatedAt) with only the
 *     instruments whose current state or conflicts the event changed, and those instruments' conflicts (all of them,
 *     before and after), so a consumer replaces the instruments and conflicts named in either image and keeps the
 *     rest.</li>
 * <li>Their instruments' eventIds lists are empty, like the event list: both grow with history; the state behind the
 *     API has them.</li>
 * <li>retroactive compares the event's first possible day with the latest effective fact's, which the index keeps.</li>
 * <li>With the change come the records of the instruments topic for exactly the instruments it names: each one's
 *     current state without eventIds and its conflicts, or a tombstone for one with no effective fact left. Every
 *     conflict belongs to one instrument, so the records carry them all.</li>
 * </ul>
 */
public final class IncrementalChangeFeed {

    /**
     * The index to keep, what the event changed, the change to emit if any and with it one instruments-topic record
     * per instrument the change names (none when there is no change), in the order of {@link IndexDelta#instruments()}.
     */
    public record Outcome(PartnershipIndex index, IndexDelta delta, Optional<PartnershipChange> change,
            List<PublishedInstrument> instruments) {

        public Outcome {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(delta, "delta");
            Objects.requireNonNull(change, "change");
            instruments = List.copyOf(instruments);
        }
    }

    private IncrementalChangeFeed() {
    }

    /**
     * @param partnership the key, "ACTOR:COUNTERPART"
     * @param prior       the partnership's index so far, which must not hold the event's id yet
     * @param cause       the accepted event with where it was read
     * @param lookup      the partnership's full entries, for the instruments the event affects
     * @param topic       the topic it was read from
     */
    public static Outcome accept(final String partnership, final PartnershipIndex prior, final TimelineEntry cause,
            final EntryLookup lookup, final String topic) {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(topic, "topic");
        final PartnershipIndex.Accepted accepted = prior.accept(cause, lookup);
        final IndexDelta delta = accepted.delta();
        if (!delta.changed()) {
            return new Outcome(accepted.index(), delta, Optional.empty(), List.of());
        }
        final long sequence = prior.changeCount() + 1;
        final PartnershipState before = prior.currentImage(published(prior, delta.instrumentsBefore()),
                delta.conflictsBefore());
        final PartnershipState after = accepted.index().currentImage(
                published(accepted.index(), delta.instrumentsAfter()), delta.conflictsAfter());
        final boolean retroactive = cause.event().getCorrection() != null || prior.latestFactDay() != null
                && DateClaim.of(cause.event()).earliestDay().isBefore(prior.latestFactDay());
        final String changeId = partnership + "/" + sequence;
        final PartnershipChange change = ChangeFeed.change(changeId, before, after, cause, retroactive, topic);
        final PartnershipIndex index = accepted.index().withChangeCount(sequence);
        final List<PublishedInstrument> instruments = new ArrayList<>(delta.instruments().size());
        for (final InstrumentId id : delta.instruments()) {
            final InstrumentVersions versions = index.instrument(id);
            instruments.add(versions == null ? PublishedInstrument.tombstone(partnership, id)
                    : PublishedInstrument.of(partnership, versions, index.counterpartName(), changeId, cause));
        }
        return new Outcome(index, delta, Optional.of(change), instruments);
    }

    /**
     * The instruments' current states without eventIds, as their versions keep them: copying a state to empty its
     * eventIds would first copy the list, which grows with the instrument.
     */
    private static List<InstrumentState> published(final PartnershipIndex index, final List<InstrumentState> states) {
        return states.stream().map(state -> index.instrument(InstrumentId.of(state)).published()).toList();
    }
}
