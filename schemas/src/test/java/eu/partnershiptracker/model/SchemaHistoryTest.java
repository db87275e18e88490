package eu.partnershiptracker.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

    private final SchemaHistory history = SchemaHistory.of(PolicyEvent.getClassSchema());

    @Test
    void theJarShipsTheKeptVersionsAsTheyAreInSchemasHistory() throws IOException {
        final Schema v1 = new Schema.Parser().parse(Path.of("history/PolicyEvent/v1.avsc").toFile());

        assertThat(history.version(1)).isEqualTo(v1);
        assertThat(SchemaHistory.of(PartnershipState.getClassSchema()).version(1).getFullName())
                .isEqualTo(PartnershipState.getClassSchema().getFullName());
        assertThat(history.current()).isSameAs(PolicyEvent.getClassSchema());
    }

    @Test
    void aFingerprintNamesTheCurrentSchemaOrAKeptVersion() {
        final Schema v1 = history.version(1);

        assertThat(history.withFingerprint(SchemaHistory.fingerprint(v1))).isEqualTo(v1);
        assertThat(history.withFingerprint(SchemaHistory.fingerprint(PolicyEvent.getClassSchema())))
                .isEqualTo(PolicyEvent.getClassSchema());
        assertThat(SchemaHistory.fingerprint(v1)).isNotEqualTo(SchemaHistory.fingerprint(history.current()));
    }

    @Test
    void anUnknownFingerprintOrVersionIsAnErrorThatNamesIt() {
        assertThatThrownBy(() -> history.withFingerprint(0x1234L))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown writer schema fingerprint 0000000000001234")
                .hasMessageContaining("eu.partnershiptracker.model.PolicyEvent")
                .hasMessageContaining("schemas/history/PolicyEvent");
        assertThatThrownBy(() -> history.version(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no kept version 0 of eu.partnershiptracker.model.PolicyEvent");
    }
}
