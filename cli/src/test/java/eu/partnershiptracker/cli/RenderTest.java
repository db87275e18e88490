package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** How tables show names, certainty and bounds from the API's JSON. */
class RenderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aPartnershipShowsTheCounterpartsName() throws IOException {
        assertThat(Render.partnership(json("{\"key\": \"EU:JP\", \"counterpartName\": \"Japan\"}")))
                .isEqualTo("EU:JP (Japan)");
        assertThat(Render.partnership(json("{\"key\": \"EU:JP\", \"counterpartName\": null}"))).isEqualTo("EU:JP");
    }

    @Test
    void aStatusSaysHowSureItIs() throws IOException {
        assertThat(Render.status(json("{\"status\": \"SIGNED\", \"certainty\": \"CERTAIN\"}"))).isEqualTo("SIGNED");
        assertThat(Render.status(json("{\"status\": \"SIGNED\", \"certainty\": \"POSSIBLE\"}")))
                .isEqualTo("SIGNED (possible)");
        assertThat(Render.status(json("{\"status\": \"NEGOTIATING\", \"certainty\": \"CERTAIN\","
                + " \"possibleStatus\": \"SIGNED\", \"possibleBounds\": {\"edtf\": \"[2024-07-12..2025-08]\"}}")))
                .isEqualTo("NEGOTIATING, possibly SIGNED [2024-07-12..2025-08]");
    }

    @Test
    void aBoundedStepIsShownByItsBounds() throws IOException {
        assertThat(Render.since(json("{\"statusSince\": null, \"notBefore\": null,"
                + " \"notAfter\": {\"date\": \"2025-08\", \"precision\": \"MONTH\"}}"))).isEqualTo("[..2025-08]");
        assertThat(Render.since(json("{\"statusSince\": {\"date\": \"2024\", \"precision\": \"YEAR\"}}")))
                .isEqualTo("2024");
        assertThat(Render.when(json("{\"date\": \"2024-05\"}"), null)).isEqualTo("2024-05");
        assertThat(Render.when(null, json("{\"edtf\": \"[2012..2022]\"}"))).isEqualTo("[2012..2022]");
    }

    private static JsonNode json(final String text) throws IOException {
        return MAPPER.readTree(text);
    }
}
