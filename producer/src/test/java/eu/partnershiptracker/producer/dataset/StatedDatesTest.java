package eu.partnershiptracker.producer.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No event carries a day, month or year its curator did not find: every part of the date that its precision claims is
 * written in the event's quote, locator or notes ("May 2024", "05/2024", "21 May"). So is every part of each bound, or
 * the bound is a seed's writing date documented in data/reference/sources.yaml, or the day after one ({@link
 * WritingDates}). The quote itself is checked against the seed by {@link QuotesTest}.
 */
class StatedDatesTest {

    private static final WritingDates WRITTEN = WritingDates.documented();

    @Test
    void everyStatedPartOfEveryDateIsWrittenWhereTheEventCitesIt() {
        final List<String> unsupported = RecordFiles.allEvents().stream()
                .filter(event -> !supported(event.event()))
                .map(event -> event.location().describe() + ": " + DateClaim.stated(event.event()))
                .toList();

        assertThat(unsupported).as("dates whose parts the quote, locator and notes do not state").isEmpty();
    }

    @Test
    void aBoundTheCitationDoesNotStateIsCaught() {
        final PolicyEvent event = RecordFiles.allEvents().stream().map(SourcedEvent::event)
                .filter(candidate -> candidate.getEventId().equals("eu-jp-sdp-signed")).findFirst().orElseThrow();
        final PolicyEvent invented = PolicyEvent.newBuilder(event)
                .setDateBounds(DateClaim.parse("[2024-07-13..2025-08]").bounds()).build();

        assertThat(supported(event)).isTrue();
        assertThat(supported(invented)).isFalse();
    }

    @Test
    void aMonthTheCitationDoesNotStateIsCaught() {
        final PolicyEvent event = RecordFiles.allEvents().stream().map(SourcedEvent::event)
                .filter(candidate -> candidate.getEventId().equals("eu-md-sdp-signed")).findFirst().orElseThrow();
        final PolicyEvent invented = PolicyEvent.newBuilder(event)
                .setEventDate(new PartialDate(event.getEventDate().getDate().withMonth(7), event.getEventDate()
                        .getPrecision()))
                .build();

        assertThat(supported(event)).isTrue();
        assertThat(supported(invented)).isFalse();
    }

    @Test
    void aBoundThatIsADocumentedWritingDateNeedsNoWordsOfItsOwn() {
        final PolicyEvent event = RecordFiles.allEvents().stream().map(SourcedEvent::event)
                .filter(candidate -> candidate.getEventId().equals("eu-au-sdp-negotiations-launched")).findFirst()
                .orElseThrow();
        final PolicyEvent silent = PolicyEvent.newBuilder(event).setNotes(null).build();
        final PolicyEvent dayBefore = PolicyEvent.newBuilder(silent)
                .setDateBounds(DateClaim.parse("[..2025-09-16]").bounds()).build();
        final PolicyEvent dayAfter = PolicyEvent.newBuilder(silent)
                .setDateBounds(DateClaim.parse("[2025-09-18..]").bounds()).build();

        assertThat(supported(silent)).as("seed 003's writing date, 2025-09-17").isTrue();
        assertThat(supported(dayAfter)).as("the day after it").isTrue();
        assertThat(supported(dayBefore)).as("a day no source is written on").isFalse();
    }

    @Test
    void aBoundResolvedFromAnotherSeedsWritingDateIsAccepted() {
        // Seed 000's plans, written no earlier than 11 July 2024, put the SDP signatures it still plans no earlier than
        // the next day; the bound holds even where an event's notes did not repeat it.
        assertThat(WRITTEN.justifies(DateClaim.parse("[2024-07-12..]").notBefore())).isTrue();
        assertThat(WRITTEN.justifies(DateClaim.parse("[2024-07-13..]").notBefore())).isFalse();
    }

    /**
     * Every bound of a bounded date is checked as an exact date would be, or is a documented writing date; an open
     * bound states nothing. An exact date is never justified by a writing date: it is what the seed states.
     */
    private static boolean supported(final PolicyEvent event) {
        final DateClaim claim = DateClaim.stated(event);
        if (!claim.isBounded()) {
            return supported(event, claim.exact());
        }
        return Stream.of(claim.notBefore(), claim.notAfter()).filter(Objects::nonNull)
                .allMatch(bound -> supported(event, bound) || WRITTEN.justifies(bound));
    }

    private static boolean supported(final PolicyEvent event, final PartialDate stated) {
        // Line-break hyphenation ("No- vember") is undone so that a split month name still reads as one.
        final String text = Stream.of(event.getProvenance().getQuote(), event.getProvenance().getLocator(),
                        event.getNotes())
                .filter(Objects::nonNull).reduce("", (a, b) -> a + " " + b).replaceAll("(\\p{L})- (\\p{L})", "$1$2");
        final LocalDate date = stated.getDate();
        final boolean year = text.contains(String.valueOf(date.getYear()));
        return switch (stated.getPrecision()) {
            case YEAR -> year;
            case MONTH -> year && month(text, date.getMonthValue());
            case DAY -> year && month(text, date.getMonthValue())
                    && Pattern.compile("(?<!\\d)0?" + date.getDayOfMonth() + "(?!\\d)").matcher(text).find();
        };
    }

    private static boolean month(final String text, final int month) {
        final String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        return text.contains(name) || Pattern.compile("(?<!\\d)" + String.format("%02d", month) + "/").matcher(text)
                .find();
    }
}
