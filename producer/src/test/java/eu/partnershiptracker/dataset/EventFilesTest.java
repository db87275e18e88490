package eu.partnershiptracker.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import eu.partnershiptracker.events.EventFileReader;
import eu.partnershiptracker.events.SourcedEvent;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.validation.EventSetValidator;
import eu.partnershiptracker.validation.ReferenceData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event file of the curated record passes the producer's validator, alone and together with all the others. */
class EventFilesTest {

    static List<Path> eventFiles() {
        return RecordFiles.eventFiles();
    }

    @Test
    void theRecordHasEventFiles() {
        assertThat(eventFiles()).hasSizeGreaterThanOrEqualTo(11);
    }

    @ParameterizedTest
    @MethodSource("eventFiles")
    void eachFileReadsWithoutProblems(final Path file) {
        final EventFileReader.Result result = new EventFileReader(ReferenceData.bundled()).read(file);

        assertThat(result.problems()).as(file + ": problems").isEmpty();
        assertThat(result.events()).as(file + ": events").isNotEmpty();
    }

    @Test
    void theWholeRecordPassesTheOfflineChecks() {
        final List<SourcedEvent> events = RecordFiles.allEvents();

        assertThatCode(() -> new EventSetValidator().checkOffline(events)).doesNotThrowAnyException();
    }

    @Test
    void everyIdIsUsedOnce() {
        final Map<String, Long> uses = RecordFiles.allEvents().stream()
                .collect(Collectors.groupingBy(event -> event.event().getEventId(), Collectors.counting()));

        assertThat(uses).allSatisfy((id, count) -> assertThat(count).as(id).isOne());
    }

    @Test
    void everyCorrectionTargetIsAnEventOfTheSamePartnership() {
        final List<SourcedEvent> events = RecordFiles.allEvents();
        final Map<String, SourcedEvent> byId = events.stream()
                .collect(Collectors.toMap(event -> event.event().getEventId(), Function.identity()));

        assertThat(events).filteredOn(event -> event.event().getCorrection() != null).allSatisfy(event -> {
            final Correction correction = event.event().getCorrection();
            final SourcedEvent target = byId.get(correction.getTargetEventId());
            assertThat(target).as(event.location().describe() + ": target " + correction.getTargetEventId())
                    .isNotNull();
            assertThat(Objects.requireNonNull(target).partnershipKey()).as(event.location().describe())
                    .isEqualTo(event.partnershipKey());
        });
    }
}
