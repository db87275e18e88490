package eu.partnershiptracker.core.testing;

import static eu.partnershiptracker.core.testing.TestEvents.corrects;
import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.core.testing.TestEvents.retracts;

import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PolicyEvent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One partnership with a long history, for the tests that its records stay small: dialogue rounds a few days apart
 * (one dialogue instrument per year, so instruments hold about a hundred events each), a lifecycle step claimed again
 * and again with other dates, corrections and retractions of earlier rounds, and one event in seven dated a year early.
 */
public final class LongHistories {

    private static final List<InstrumentType> LIFECYCLES = List.of(InstrumentType.FPA, InstrumentType.SDP,
            InstrumentType.SECURITY_OF_INFORMATION_AGREEMENT, InstrumentType.ADMINISTRATIVE_ARRANGEMENT);

    private LongHistories() {
    }

    /** Events e0..e(count-1) of the partnership, in the order to publish them. */
    public static List<PolicyEvent> events(final String partnership, final int count) {
        final List<PolicyEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            events.add(numbered(partnership, i).build());
        }
        return events;
    }

    /**
     * Event i: every 97th corrects the round 50 events back, every 301st retracts the one 60 back, every 10th claims a
     * lifecycle step with a date the earlier claims disagree with, the rest are dialogue rounds.
     */
    private static PolicyEvent.Builder numbered(final String partnership, final int i) {
        final LocalDate day = day(i);
        final String id = "e" + i;
        if (i > 100 && i % 97 == 0) {
            return round(partnership, id, i - 50).setCorrection(corrects("e" + (i - 50)));
        }
        if (i > 100 && i % 301 == 0) {
            return round(partnership, id, i - 60).setCorrection(retracts("e" + (i - 60)));
        }
        if (i % 10 == 0) {
            final InstrumentType type = LIFECYCLES.get(i / 10 % LIFECYCLES.size());
            return event(id, partnership, type, EventKind.SIGNED, day.toString())
                    .setInstrumentKey("v" + i / 400).setTitle("Agreement " + i);
        }
        return round(partnership, id, i);
    }

    private static PolicyEvent.Builder round(final String partnership, final String id, final int round) {
        final LocalDate day = day(round);
        return event(id, partnership, InstrumentType.SECURITY_DEFENCE_DIALOGUE, EventKind.HELD, day.toString())
                .setInstrumentKey(Integer.toString(day.getYear())).setTitle("Dialogue round " + round);
    }

    private static LocalDate day(final int i) {
        return LocalDate.of(2000, 1, 1).plusDays(3L * i - (i % 7 == 0 ? 365 : 0));
    }
}
