package eu.partnershiptracker.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The real Apicurio Registry behind {@link Infrastructure}, spoken to through the Confluent REST API. */
@ExtendWith(RealInfrastructure.class)
class ApicurioRegistryTest {

    private static final String CONFLUENT_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String PARTNERSHIP_V1 = """
            {"type": "record", "name": "Partnership", "namespace": "eu.partnershiptracker.test",
             "fields": [{"name": "partner", "type": "string"}]}""";
    /** A new field with a default: readers of this version can still read v1 data. */
    private static final String PARTNERSHIP_V2 = """
            {"type": "record", "name": "Partnership", "namespace": "eu.partnershiptracker.test",
             "fields": [{"name": "partner", "type": "string"},
                        {"name": "framework", "type": "string", "default": "SDP"}]}""";
    /** A new field without a default: readers of this version cannot read v1 data. */
    private static final String PARTNERSHIP_INCOMPATIBLE = """
            {"type": "record", "name": "Partnership", "namespace": "eu.partnershiptracker.test",
             "fields": [{"name": "partner", "type": "string"}, {"name": "signedOn", "type": "int"}]}""";

    @Test
    void registersAnAvroSchemaAndFetchesItById(final Infrastructure infrastructure) throws Exception {
        final String subject = infrastructure.uniqueTopic("partnerships") + "-value";

        final HttpResponse<String> registered = register(infrastructure, subject, PARTNERSHIP_V1);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        final long id = JSON.readTree(registered.body()).get("id").asLong();

        final HttpResponse<String> fetched = get(infrastructure.registryUrl() + "/schemas/ids/" + id);
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        final JsonNode schema = JSON.readTree(JSON.readTree(fetched.body()).get("schema").asText());
        assertThat(schema).isEqualTo(JSON.readTree(PARTNERSHIP_V1));
    }

    @Test
    void enforcesBackwardCompatibility(final Infrastructure infrastructure) throws Exception {
        final String subject = infrastructure.uniqueTopic("partnerships") + "-value";
        assertThat(register(infrastructure, subject, PARTNERSHIP_V1).statusCode()).isEqualTo(200);

        assertThat(register(infrastructure, subject, PARTNERSHIP_V2).statusCode()).isEqualTo(200);
        final HttpResponse<String> rejected = register(infrastructure, subject, PARTNERSHIP_INCOMPATIBLE);
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(409);
    }

    @Test
    void servesApicuriosOwnApiToo(final Infrastructure infrastructure) throws Exception {
        final HttpResponse<String> info = get(infrastructure.apicurioRegistryUrl() + "/system/info");
        assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
        assertThat(JSON.readTree(info.body()).get("name").asText()).isEqualTo("apicurio-registry");
    }

    private static HttpResponse<String> register(final Infrastructure infrastructure, final String subject,
                                                 final String schema) throws Exception {
        final String body = JSON.writeValueAsString(Map.of("schema", schema));
        return HTTP.send(HttpRequest.newBuilder(URI.create(infrastructure.registryUrl() + "/subjects/" + subject
                                + "/versions"))
                        .header("Content-Type", CONFLUENT_JSON)
                        .timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(final String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
