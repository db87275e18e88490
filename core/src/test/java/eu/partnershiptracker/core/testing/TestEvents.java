package eu.partnershiptracker.core.testing;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.core.fold.TimelineEntry;
import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Short ways to write policy events and timelines in tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** "2024" (YEAR), "2024-05" (MONTH) or "2024-05-21" (DAY). */
    public static PartialDate date(final String text) {
        return switch (text.length()) {
            case 4 -> new PartialDate(LocalDate.of(Integer.parseInt(text), 1, 1), DatePrecision.YEAR);
            case 7 -> new PartialDate(LocalDate.parse(text + "-01"), DatePrecision.MONTH);
            default -> new PartialDate(LocalDate.parse(text), DatePrecision.DAY);
        };
    }

    /** An event of the EU-Japan partnership. */
    public static PolicyEvent.Builder event(final String id, final InstrumentType instrument, final EventKind kind,
            final String date) {
        return event(id, "EU:JP", instrument, kind, date);
    }

    public static PolicyEvent.Builder event(final String id, final String partnership, final InstrumentType instrument,
            final EventKind kind, final String date) {
        final PartnershipKey key = PartnershipKey.parse(partnership);
        return PolicyEvent.newBuilder()
                .setEventId(id)
                .setActor(Actor.valueOf(key.actor()))
                .setCounterpart(key.counterpart())
                .setInstrument(instrument)
                .setKind(kind)
                .setEventDate(date(date))
                .setProvenance(new Provenance("source-of-" + id + ".txt", "quote for " + id, null));
    }

    public static Correction corrects(final String target) {
        return new Correction(target, CorrectionType.CORRECTS, "wrong date");
    }

    public static Correction retracts(final String target) {
        return new Correction(target, CorrectionType.RETRACTS, "not in the source");
    }

    /** The events recorded in the given order, one second apart, at offsets 0, 1, 2... */
    public static Timeline timeline(final PolicyEvent.Builder... events) {
        final List<TimelineEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            entries.add(new TimelineEntry(events[i].build(), Instant.ofEpochSecond(1_700_000_000L + i), 0, i));
        }
        return new Timeline(0, entries);
    }
}
