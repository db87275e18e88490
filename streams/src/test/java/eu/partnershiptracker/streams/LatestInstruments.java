package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.InstrumentRecordKey;
import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.model.PartnershipInstrument;
import eu.partnershiptracker.model.PartnershipState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The instruments topic as a compacted topic keeps it, the latest record per key, read back per partnership: what a
 * consumer of the topic knows of each partnership's current instruments and conflicts.
 */
final class LatestInstruments {

    private final Map<String, Map<InstrumentId, PartnershipInstrument>> byPartnership = new TreeMap<>();

    /** Applies one record in topic order; a null value (tombstone) removes its instrument. */
    void apply(final String key, final PartnershipInstrument value) {
        final InstrumentRecordKey parsed = InstrumentRecordKey.parse(key);
        final String partnership = parsed.partnership().toString();
        final Map<InstrumentId, PartnershipInstrument> instruments =
                byPartnership.computeIfAbsent(partnership, ignored -> new TreeMap<>());
        if (value == null) {
            instruments.remove(parsed.instrument());
        } else {
            instruments.put(parsed.instrument(), value);
        }
        if (instruments.isEmpty()) {
            byPartnership.remove(partnership);
        }
    }

    /** The latest record of an instrument, "ACTOR:COUNTERPART|TYPE|key", or null when it has none. */
    PartnershipInstrument latest(final String key) {
        final InstrumentRecordKey parsed = InstrumentRecordKey.parse(key);
        return byPartnership.getOrDefault(parsed.partnership().toString(), Map.of()).get(parsed.instrument());
    }

    Set<String> partnerships() {
        return byPartnership.keySet();
    }

    /**
     * The partnership's instruments in instrument order and their conflicts, as a state without events or lastEventId
     * (which the records do not carry), or null when it has no live record.
     */
    PartnershipState state(final String partnership) {
        final Map<InstrumentId, PartnershipInstrument> instruments = byPartnership.get(partnership);
        if (instruments == null) {
            return null;
        }
        final PartnershipInstrument any = instruments.values().iterator().next();
        return PartnershipState.newBuilder()
                .setActor(any.getActor())
                .setCounterpart(any.getCounterpart())
                .setInstruments(instruments.values().stream().map(PartnershipInstrument::getInstrument).toList())
                .setEvents(List.of())
                .setConflicts(instruments.values().stream().flatMap(record -> record.getConflicts().stream()).toList())
                .build();
    }
}
