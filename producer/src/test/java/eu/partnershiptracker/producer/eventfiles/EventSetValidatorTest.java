package eu.partnershiptracker.producer.eventfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventSetValidatorTest {

    @TempDir
    Path dir;

    private final EventSetValidator validator = new EventSetValidator();

    private List<SourcedEvent> read(final String yaml) throws IOException {
        final Path file = dir.resolve("events.yaml");
        Files.writeString(file, yaml);
        final EventFileReader.Result result = new EventFileReader(TestReference.reference()).read(file);
        assertThat(result.problems()).isEmpty();
        return result.events();
    }

    private static String event(final String id, final String counterpart, final String date, final String extra) {
        return """
                  - id: %s
                    actor: EU
                    counterpart: %s
                    instrument: SDP
                    kind: SIGNED
                    date: %s
                    source: 003_c9d7a99b29a6c61b.txt
                    quote: "a quote"
                %s""".formatted(id, counterpart, date, extra);
    }

    @Test
    void duplicateIdWithDifferentContentIsAnError() throws IOException {
        final List<SourcedEvent> run = read("events:\n" + event("a", "JP", "2024-11-01", "")
                + event("a", "JP", "2024-11-02", ""));

        assertThatThrownBy(() -> validator.plan(run, Map.of()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("event #2 (line 10, id a): field 'id': duplicate id 'a' with different content;"
                        + " it is first used at ");
    }

    @Test
    void identicalDuplicatesAreTheSameEvent() throws Exception {
        final List<SourcedEvent> run = read("events:\n" + event("a", "JP", "2024-11-01", "")
                + event("a", "JP", "2024-11-01", ""));

        assertThat(validator.plan(run, Map.of()).toPublish()).hasSize(1);
    }

    @Test
    void correctionOfAnUnknownEventIsAnError() throws IOException {
        final List<SourcedEvent> run = read("events:\n" + event("b", "JP", "2024-11-01", "    corrects: a\n"));

        assertThatThrownBy(() -> validator.plan(run, Map.of()))
                .hasMessageContaining("field 'corrects': unknown event 'a': it is neither in this run nor already"
                        + " published");
    }

    @Test
    void offlineCheckLeavesCorrectionsOfOtherEventsToThePublishRun() throws Exception {
        final List<SourcedEvent> run = read("events:\n" + event("b", "JP", "2024-11-01", "    corrects: a\n"));

        assertThat(validator.checkOffline(run).toPublish()).hasSize(1);
    }

    @Test
    void correctionAcrossPartnershipsIsAnError() throws IOException {
        final List<SourcedEvent> run = read("events:\n" + event("a", "NO", "2024-11-01", "")
                + event("b", "JP", "2024-11-01", "    retracts: a\n"));

        assertThatThrownBy(() -> validator.plan(run, Map.of()))
                .hasMessageContaining("field 'retracts': event 'a' belongs to partnership EU:NO, not EU:JP");
    }

    @Test
    void correctionsFollowTheirTargetsAndMayTargetPublishedEvents() throws Exception {
        final List<SourcedEvent> run = read("events:\n" + event("c", "JP", "2024-11-03", "    corrects: b\n")
                + event("b", "JP", "2024-11-02", "    corrects: a\n"));
        final PolicyEvent published = read("events:\n" + event("a", "JP", "2024-11-01", "")).get(0).event();

        final EventSetValidator.Plan plan = validator.plan(run, Map.of("a", published));

        assertThat(plan.toPublish()).extracting(e -> e.event().getEventId()).containsExactly("b", "c");
    }

    @Test
    void alreadyPublishedEventsAreSkippedAndChangedOnesRejected() throws Exception {
        final List<SourcedEvent> run = read("events:\n" + event("a", "JP", "2024-11-01", "")
                + event("b", "NO", "2024-11-01", ""));
        final Map<String, PolicyEvent> published = Map.of("a", run.get(0).event());

        final EventSetValidator.Plan plan = validator.plan(run, published);
        assertThat(plan.toPublish()).extracting(e -> e.event().getEventId()).containsExactly("b");
        assertThat(plan.alreadyPublished()).isEqualTo(1);

        final PolicyEvent changed = PolicyEvent.newBuilder(run.get(0).event()).setCounterpart("JP")
                .setTitle("changed").build();
        assertThatThrownBy(() -> validator.plan(run, Map.of("a", changed)))
                .hasMessageContaining("id 'a' is already published with different content; publish a new event"
                        + " that 'corrects' it instead of changing it");
    }

    @Test
    void anEventPublishedWithOtherDerivedFieldsIsAlreadyThere() throws Exception {
        final List<SourcedEvent> run = read("events:\n" + event("a", "JP", "2024-11-01", ""));
        final PolicyEvent publishedBeforeNames = PolicyEvent.newBuilder(run.get(0).event()).setCounterpartName(null)
                .setInstrumentName(null).build();

        final EventSetValidator.Plan plan = validator.plan(run, Map.of("a", publishedBeforeNames));

        assertThat(run.get(0).event().getCounterpartName()).isNotNull();
        assertThat(plan.toPublish()).isEmpty();
        assertThat(plan.alreadyPublished()).isEqualTo(1);
        assertThat(plan.derivedDiffer()).isEqualTo(1);
        assertThat(validator.plan(run, Map.of("a", run.get(0).event())).derivedDiffer()).isZero();
    }

    @Test
    void correctionCyclesAreErrors() throws IOException {
        final List<SourcedEvent> run = read("events:\n" + event("a", "JP", "2024-11-01", "    corrects: b\n")
                + event("b", "JP", "2024-11-02", "    corrects: a\n"));

        assertThatThrownBy(() -> validator.plan(run, Map.of()))
                .hasMessageContaining("corrections form a cycle");
    }
}
