package eu.partnershiptracker.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** undated.yaml entries say why they are not events, and a bound there (the old happenedBy) is refused by name. */
class UndatedRecordTest {

    private static final String ENTRY = """
            undated:
              - what: "EU-NATO structured dialogue on resilience"
                actor: EU
                counterparts: [NATO]
                instrument: STRUCTURED_DIALOGUE
                kind: LAUNCHED
                source: 004_430574d6d6c629cb.txt
                quote: "The structured dialogue on resilience"
            %s
            unrealised: []
            """;

    @TempDir
    Path dir;

    @Test
    void anEntryWithItsReasonIsRead() throws IOException {
        final UndatedRecord record = UndatedRecord.read(write("    reason: \"seed 004 is dated only from below\""));

        assertThat(record.facts()).singleElement().extracting(UndatedFact::reason)
                .isEqualTo("seed 004 is dated only from below");
    }

    @Test
    void anEntryWithoutAReasonIsRefusedNamingFileEntryAndField() throws IOException {
        final Path file = write("");

        assertThatThrownBy(() -> UndatedRecord.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("undated entry #1")
                .hasMessageContaining("field 'reason' is required");
    }

    @Test
    void aHappenedByBoundIsRefused() throws IOException {
        // A bound belongs in an event's date now; an entry that still carries one must become an event.
        final Path file = write("    reason: \"r\"\n    happenedBy: 2025-09-17");

        assertThatThrownBy(() -> UndatedRecord.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("happenedBy");
    }

    private Path write(final String extra) throws IOException {
        final Path file = dir.resolve("undated.yaml");
        Files.writeString(file, ENTRY.formatted(extra), StandardCharsets.UTF_8);
        return file;
    }
}
