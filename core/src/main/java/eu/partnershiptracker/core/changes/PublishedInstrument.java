package eu.partnershiptracker.core.changes;

import eu.partnershiptracker.core.InstrumentRecordKey;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.core.fold.InstrumentVersions;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.PartnershipInstrument;
import java.util.Objects;

/**
 * One record for the instruments topic: the key {@link InstrumentRecordKey} and the instrument's current state with
 * its conflicts, or no value (a tombstone) when the instrument no longer has an effective fact.
 *
 * @param key   "ACTOR:COUNTERPART|TYPE|key"
 * @param value the record, null for a tombstone
 */
public record PublishedInstrument(String key, PartnershipInstrument value) {

    public PublishedInstrument {
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param partnership     "ACTOR:COUNTERPART"
     * @param versions        the instrument after the change
     * @param counterpartName the partnership's counterpart name after the change
     * @param changeId        the change that writes it
     * @param cause           the event that changed it
     */
    static PublishedInstrument of(final String partnership, final InstrumentVersions versions,
            final String counterpartName, final String changeId, final TimelineEntry cause) {
        Objects.requireNonNull(versions, "versions");
        Objects.requireNonNull(cause, "cause");
        return new PublishedInstrument(InstrumentRecordKey.of(partnership, versions.id()),
                PartnershipInstrument.newBuilder()
                        .setActor(cause.event().getActor())
                        .setCounterpart(cause.event().getCounterpart())
                        .setCounterpartName(counterpartName)
                        .setInstrument(versions.published())
                        .setConflicts(versions.conflicts())
                        .setChangeId(changeId)
                        .setCauseEventId(cause.eventId())
                        .setRecordedAt(cause.recordedAt())
                        .build());
    }

    /** The tombstone of an instrument whose last effective fact the change took away. */
    static PublishedInstrument tombstone(final String partnership, final InstrumentId instrument) {
        return new PublishedInstrument(InstrumentRecordKey.of(partnership, instrument), null);
    }
}
