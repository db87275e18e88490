package eu.partnershiptracker.producer.eventfiles;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.PolicyEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every event read is named from the reference lists, and an unnamed key or an unexplained OTHER is refused. */
class EventNamingTest {

    private static final String EVENT = """
            events:
              - id: eu-nato-jd-2016-issued
                actor: EU
                counterpart: NATO
                instrument: JOINT_DECLARATION
                key: "2016"
                kind: ISSUED
                date: 2016-07
                title: The title of this one event
                source: 002_2b6bf87f3f4ca4e7.txt
                quote: "July 2016"
            """;

    @TempDir
    Path dir;

    private final EventFileReader reader = new EventFileReader(TestReference.reference());

    private EventFileReader.Result read(final String yaml) throws IOException {
        return reader.read(Files.writeString(dir.resolve("events.yaml"), yaml));
    }

    private static List<String> messages(final EventFileReader.Result result) {
        return result.problems().stream().map(Problem::toString).map(s -> s.substring(s.indexOf(": ") + 2)).toList();
    }

    @Test
    void anInstrumentIsNamedByTypeAndKeyNotByItsEventsTitle() throws IOException {
        final EventFileReader.Result result = read(EVENT);

        assertThat(result.problems()).isEmpty();
        final PolicyEvent event = result.events().get(0).event();
        assertThat(event.getInstrumentName()).isEqualTo("Joint Declaration 2016");
        assertThat(event.getCounterpartName()).isEqualTo("name of NATO");
        assertThat(event.getTitle()).isEqualTo("The title of this one event");
    }

    @Test
    void anInstrumentWithoutKeyTakesItsTypesName() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("instrument: JOINT_DECLARATION", "instrument: SDP")
                .replace("    key: \"2016\"\n", ""));

        assertThat(result.problems()).isEmpty();
        assertThat(result.events().get(0).event().getInstrumentName()).isEqualTo("type SDP");
    }

    @Test
    void aKeyNoEntryNamesIsRefusedWithFileLineAndField() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("key: \"2016\"", "key: \"2061\""));

        assertThat(result.events()).isEmpty();
        assertThat(messages(result)).containsExactly("event #1 (line 2, id eu-nato-jd-2016-issued): field 'key':"
                + " unknown key '2061' for instrument JOINT_DECLARATION in EU:NATO: every key is named in"
                + " data/reference/instrument-names.yaml");
        assertThat(result.problems().get(0).toString()).startsWith(dir.resolve("events.yaml").toString());
    }

    @Test
    void aKeyNamedUnderAnotherTypeSaysWhere() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("instrument: JOINT_DECLARATION",
                "instrument: COMMON_PROPOSALS"));

        assertThat(messages(result)).singleElement().asString().endsWith("(it is named under JOINT_DECLARATION)");
    }

    @Test
    void otherNeedsAReason() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("instrument: JOINT_DECLARATION", "instrument: OTHER")
                .replace("key: \"2016\"", "key: misc"));

        assertThat(result.events()).isEmpty();
        assertThat(messages(result)).containsExactly("event #1 (line 2, id eu-nato-jd-2016-issued): field"
                + " 'instrument': instrument OTHER needs a 'typeReason' saying why no type of"
                + " data/reference/instruments.yaml fits");
    }

    @Test
    void otherWithAReasonIsNamedLikeAnyInstrument() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("instrument: JOINT_DECLARATION", "instrument: OTHER")
                .replace("key: \"2016\"", "key: misc\n    typeReason: the seed says only 'a partnership'"));

        assertThat(result.problems()).isEmpty();
        assertThat(result.events().get(0).event().getInstrumentName()).isEqualTo("Miscellany");
    }

    @Test
    void aReasonOnATypedInstrumentIsRefused() throws IOException {
        final EventFileReader.Result result = read(EVENT.replace("key: \"2016\"",
                "key: \"2016\"\n    typeReason: stale"));

        assertThat(messages(result)).containsExactly("event #1 (line 2, id eu-nato-jd-2016-issued): field"
                + " 'typeReason': only an event of instrument OTHER gives a typeReason; this one is typed"
                + " JOINT_DECLARATION");
    }

    @Test
    void aCollectiveCounterpartIsNamedForTheActorWhosePartnersItMeans() {
        final CounterpartName partners = new CounterpartName(null, Map.of("EU", "EU partners", "NATO",
                "NATO partners"));

        assertThat(partners.forActor("NATO")).isEqualTo("NATO partners");
        assertThat(partners.forActor("EU")).isEqualTo("EU partners");
        assertThat(CounterpartName.of("South Korea").forActor("EU")).isEqualTo("South Korea");
    }
}
