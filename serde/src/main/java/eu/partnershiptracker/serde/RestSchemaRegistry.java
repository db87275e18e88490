package eu.partnershiptracker.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Client for the Confluent Schema Registry REST API (also served by Apicurio's ccompat API and by Karapace).
 * Connect and request timeouts are bounded so that an unreachable registry fails fast instead of stalling a producer
 * or a stream thread. With several URLs, a connection failure moves on to the next one; an HTTP error does not,
 * since every instance would give the same answer.
 */
final class RestSchemaRegistry implements SchemaRegistry {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final Optional<String> authorization;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final HttpClient http;
    /** The URL that answered last; requests start there. */
    private volatile int preferred;

    RestSchemaRegistry(final List<String> baseUrls, final Optional<String> userInfo, final Duration connectTimeout,
                       final Duration requestTimeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("at least one schema registry URL is needed");
        }
        this.baseUrls = baseUrls.stream().map(RestSchemaRegistry::withoutTrailingSlash).toList();
        this.authorization = userInfo.map(info ->
                "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
    }

    @Override
    public int register(final String subject, final Schema schema) {
        try {
            return call("POST", "/subjects/" + segment(subject) + "/versions", schemaBody(schema)).path("id").asInt();
        } catch (final RegistryException conflict) {
            if (conflict.errorCode() != RegistryException.INCOMPATIBLE && conflict.errorCode() / 100 != 409) {
                throw conflict;
            }
            // Apicurio answers 409 to the loser of two clients registering the same schema at once; the schema is
            // there all the same. A real incompatibility is also a 409, and then the lookup finds nothing.
            try {
                return idOf(subject, schema);
            } catch (final RegistryException notRegistered) {
                throw conflict;
            }
        }
    }

    @Override
    public int idOf(final String subject, final Schema schema) {
        return call("POST", "/subjects/" + segment(subject), schemaBody(schema)).path("id").asInt();
    }

    @Override
    public Schema schemaById(final int id) {
        return avroSchema(call("GET", "/schemas/ids/" + id, null), "schema id " + id);
    }

    @Override
    public RegisteredSchema latest(final String subject) {
        final JsonNode answer = call("GET", "/subjects/" + segment(subject) + "/versions/latest", null);
        return new RegisteredSchema(subject, answer.path("id").asInt(), answer.path("version").asInt(),
                avroSchema(answer, "latest version of subject '" + subject + "'"));
    }

    @Override
    public boolean isCompatibleWithLatest(final String subject, final Schema schema) {
        return call("POST", "/compatibility/subjects/" + segment(subject) + "/versions/latest", schemaBody(schema))
                .path("is_compatible").asBoolean(false);
    }

    @Override
    public String location() {
        return String.join(", ", baseUrls);
    }

    private JsonNode call(final String method, final String path, final ObjectNode body) {
        IOException failure = null;
        for (int attempt = 0; attempt < baseUrls.size(); attempt++) {
            final int index = (preferred + attempt) % baseUrls.size();
            final String baseUrl = baseUrls.get(index);
            try {
                final HttpResponse<String> response =
                        http.send(request(method, baseUrl + path, body), HttpResponse.BodyHandlers.ofString());
                preferred = index;
                return answer(baseUrl, method, path, response);
            } catch (final IOException e) {
                failure = e;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryException("interrupted while calling schema registry at " + baseUrl,
                        RegistryException.UNREACHABLE, e);
            }
        }
        throw new RegistryException("schema registry at " + location() + " is unreachable: " + reason(failure),
                RegistryException.UNREACHABLE, failure);
    }

    private HttpRequest request(final String method, final String url, final ObjectNode body) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        return request.build();
    }

    private static JsonNode answer(final String baseUrl, final String method, final String path,
                                   final HttpResponse<String> response) {
        final JsonNode json = parse(response.body());
        if (response.statusCode() / 100 == 2 && json != null) {
            return json;
        }
        final int errorCode = json == null ? response.statusCode() : json.path("error_code").asInt(response.statusCode());
        if (errorCode == RegistryException.NO_CONFLUENT_API) {
            throw new RegistryException("schema registry at " + baseUrl + " answered " + method + " " + path
                    + " with HTTP 404 and no Confluent error code, so its Confluent API is not at that URL. For Apicurio"
                    + " Registry it is " + apicurioConfluentApi(baseUrl) + "; for Confluent Schema Registry and"
                    + " Karapace, the base URL", errorCode);
        }
        final String message = json == null ? abbreviate(response.body()) : json.path("message").asText("");
        throw new RegistryException("schema registry at " + baseUrl + " answered " + method + " " + path
                + " with HTTP " + response.statusCode() + ", error_code " + errorCode + ": " + message, errorCode);
    }

    private static JsonNode parse(final String body) {
        try {
            final JsonNode json = JSON.readTree(body);
            return json == null || json.isMissingNode() ? null : json;
        } catch (final JsonProcessingException e) {
            return null;
        }
    }

    private Schema avroSchema(final JsonNode answer, final String what) {
        final String type = answer.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new RegistryException(what + " in schema registry at " + location() + " is a " + type
                    + " schema, not Avro", RegistryException.SCHEMA_NOT_FOUND);
        }
        try {
            return new Schema.Parser().parse(answer.path("schema").asText());
        } catch (final SchemaParseException e) {
            throw new RegistryException(what + " in schema registry at " + location() + " is not a valid Avro schema: "
                    + e.getMessage(), RegistryException.SCHEMA_NOT_FOUND, e);
        }
    }

    private static ObjectNode schemaBody(final Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString());
    }

    private String reason(final IOException failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "no connection within " + connectTimeout.toMillis() + " ms";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toMillis() + " ms";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
            if (cause instanceof ConnectException && cause.getMessage() != null) {
                return cause.getMessage().toLowerCase(Locale.ROOT);
            }
        }
        // JDK 17's HttpClient reports a refused connection as a ConnectException without any message.
        return failure instanceof ConnectException ? "connection refused" : failure.toString();
    }

    /**
     * Where Apicurio serves the Confluent API, for a URL that is Apicurio's base or its own API: the likeliest
     * mistakes, being the address it listens on and the API its own clients use.
     */
    private static String apicurioConfluentApi(final String baseUrl) {
        return baseUrl.replaceFirst("/apis(/.*)?$", "") + "/apis/ccompat/v7";
    }

    private static String segment(final String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String withoutTrailingSlash(final String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static String abbreviate(final String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
