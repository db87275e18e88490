package eu.partnershiptracker.serde;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The serdes' settings, under Confluent's names so that a config written for Confluent's KafkaAvroSerializer works
 * here unchanged and back. Unknown keys are ignored, since producers and Kafka Streams pass their whole config.
 */
public final class AvroSerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL_CONFIG = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String USER_INFO_CONFIG = "basic.auth.user.info";
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    private static final String MOCK_SCHEME = "mock://";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL_CONFIG, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, ConfigDef.ValidList.anyNonDuplicateValues(false, false),
                    Importance.HIGH, "Comma-separated schema registry base URLs, or mock://scope for an in-memory"
                            + " registry shared by every serde of that scope.")
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Register the record's schema before writing; if false, the schema must already be registered.")
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.MEDIUM,
                    "With auto.register.schemas=false: write with the latest schema of the subject.")
            .define(SPECIFIC_AVRO_READER_CONFIG, Type.BOOLEAN, false, Importance.LOW,
                    "Read into the generated SpecificRecord class named by the writer schema instead of GenericRecord.")
            .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.CONFLUENT_CLASS_NAME,
                    AvroSerdeConfig::requireTopicNameStrategy, Importance.LOW,
                    "Subject naming for keys; only TopicNameStrategy (<topic>-key) is supported.")
            .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, TopicNameStrategy.CONFLUENT_CLASS_NAME,
                    AvroSerdeConfig::requireTopicNameStrategy, Importance.LOW,
                    "Subject naming for values; only TopicNameStrategy (<topic>-value) is supported.")
            .define(BASIC_AUTH_CREDENTIALS_SOURCE, Type.STRING, "URL", ConfigDef.ValidString.in("URL", "USER_INFO"),
                    Importance.MEDIUM, "Where basic-auth credentials come from: the user info of the URL, or "
                            + USER_INFO_CONFIG + ".")
            .define(USER_INFO_CONFIG, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for basic auth when " + BASIC_AUTH_CREDENTIALS_SOURCE + "=USER_INFO.")
            .define(HTTP_CONNECT_TIMEOUT_MS, Type.INT, 5_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long to wait for a connection to the registry.")
            .define(HTTP_READ_TIMEOUT_MS, Type.INT, 10_000, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long to wait for the registry's answer to a request.");

    /**
     * The configuration of a serde for the registry at {@code registryUrl}: the extra client settings (credentials such
     * as {@value #USER_INFO_CONFIG}; the serde ignores the keys it does not know) with the URL on top.
     */
    public static Map<String, Object> forRegistry(final String registryUrl, final Map<String, ?> clientConfig) {
        final Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(SCHEMA_REGISTRY_URL_CONFIG, Objects.requireNonNull(registryUrl, "registryUrl"));
        return config;
    }

    /**
     * This configuration with the registry's connect and read timeouts both set to {@code timeout}, so that a registry
     * that accepts connections but never answers is given up on when the caller's own timeout says, not the serde's.
     */
    public static Map<String, Object> withTimeout(final Map<String, ?> config, final Duration timeout) {
        final Map<String, Object> bounded = new HashMap<>(Objects.requireNonNull(config, "config"));
        final int millis = (int) Math.min(Integer.MAX_VALUE, Objects.requireNonNull(timeout, "timeout").toMillis());
        bounded.put(HTTP_CONNECT_TIMEOUT_MS, millis);
        bounded.put(HTTP_READ_TIMEOUT_MS, millis);
        return bounded;
    }

    AvroSerdeConfig(final Map<String, ?> originals) {
        super(DEFINITION, originals, false);
        registryUrls();
        credentials();
    }

    boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER_CONFIG);
    }

    /** A fresh registry client with its own cache; mock:// scopes share the registry, not the cache. */
    SchemaRegistry registry() {
        final List<String> urls = registryUrls();
        final SchemaRegistry backend = urls.get(0).startsWith(MOCK_SCHEME)
                ? MockSchemaRegistry.forScope(urls.get(0).substring(MOCK_SCHEME.length()))
                : new RestSchemaRegistry(urls.stream().map(AvroSerdeConfig::withoutUserInfo).toList(), credentials(),
                        Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS)), Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS)));
        return new CachingSchemaRegistry(backend);
    }

    private List<String> registryUrls() {
        final List<String> urls = getList(SCHEMA_REGISTRY_URL_CONFIG);
        final long mocks = urls.stream().filter(url -> url.startsWith(MOCK_SCHEME)).count();
        if (mocks > 0 && urls.size() > 1) {
            throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, String.join(",", urls),
                    "a mock:// URL must be the only URL");
        }
        if (mocks == 0) {
            urls.forEach(AvroSerdeConfig::requireHttpUrl);
        }
        return urls;
    }

    private Optional<String> credentials() {
        if ("USER_INFO".equals(getString(BASIC_AUTH_CREDENTIALS_SOURCE))) {
            final Password userInfo = getPassword(USER_INFO_CONFIG);
            if (userInfo == null || userInfo.value().isEmpty()) {
                throw new ConfigException(USER_INFO_CONFIG + " is required when " + BASIC_AUTH_CREDENTIALS_SOURCE
                        + "=USER_INFO");
            }
            return Optional.of(userInfo.value());
        }
        return getList(SCHEMA_REGISTRY_URL_CONFIG).stream()
                .map(url -> URI.create(url).getUserInfo())
                .filter(info -> info != null && !info.isEmpty())
                .findFirst();
    }

    private static String withoutUserInfo(final String url) {
        final URI uri = URI.create(url);
        return uri.getRawUserInfo() == null ? url : url.replaceFirst("//[^/@]*@", "//");
    }

    private static void requireHttpUrl(final String url) {
        try {
            final String scheme = URI.create(url).getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, url, "expected an http(s):// or mock:// URL");
            }
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL_CONFIG, url, "not a URL: " + e.getMessage());
        }
    }

    private static void requireTopicNameStrategy(final String name, final Object value) {
        if (!TopicNameStrategy.CONFLUENT_CLASS_NAME.equals(value)) {
            throw new ConfigException(name, value, "only " + TopicNameStrategy.CONFLUENT_CLASS_NAME + " is supported");
        }
    }
}
