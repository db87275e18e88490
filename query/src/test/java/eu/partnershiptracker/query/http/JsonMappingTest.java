package eu.partnershiptracker.query.http;

import static eu.partnershiptracker.core.testing.TestEvents.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Date bounds in the API's JSON: both partial dates and their EDTF form, read back as written. */
class JsonMappingTest {

    private final ObjectMapper json = JsonMapping.create();

    @Test
    void boundsAreWrittenWithTheirEdtfAndReadBack() throws IOException {
        final InstrumentState instrument = InstrumentState.newBuilder().setType(InstrumentType.SDP)
                .setStatus(InstrumentStatus.NEGOTIATING).setCertainty(Certainty.CERTAIN)
                .setPossibleStatus(InstrumentStatus.SIGNED)
                .setPossibleBounds(new DateBounds(date("2024-07-12"), date("2025-08")))
                .setNotAfter(date("2023")).build();
        final JsonNode written = json.valueToTree(instrument);
        assertThat(written.path("possibleBounds").path("edtf").asText()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(written.path("possibleBounds").path("notAfter").path("date").asText()).isEqualTo("2025-08");
        assertThat(written.path("notAfter").path("precision").asText()).isEqualTo("YEAR");
        assertThat(json.readValue(json.writeValueAsString(instrument), InstrumentState.class)).isEqualTo(instrument);
    }

    @Test
    void anOpenBoundIsNull() throws IOException {
        final DateBounds bounds = new DateBounds(null, date("2025-08"));
        final JsonNode written = json.valueToTree(bounds);
        assertThat(written.path("notBefore").isNull()).isTrue();
        assertThat(written.path("edtf").asText()).isEqualTo("[..2025-08]");
        assertThat(json.readValue(written.toString(), DateBounds.class)).isEqualTo(bounds);
    }

    @Test
    void boundsThatDisagreeWithTheirEdtfOrAreEmptyAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"notBefore\": {\"date\": \"2024\", \"precision\": \"YEAR\"},"
                + " \"notAfter\": null, \"edtf\": \"[2023..]\"}", DateBounds.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("[2024..]");
        assertThatThrownBy(() -> json.readValue("{\"notBefore\": null, \"notAfter\": null}", DateBounds.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("at least one bound");
    }
}
