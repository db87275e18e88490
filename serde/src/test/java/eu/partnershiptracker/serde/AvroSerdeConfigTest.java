package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {

    @Test
    void defaultsAreConfluents() {
        final AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://registry:8081"));

        assertThat(config.autoRegisterSchemas()).isTrue();
        assertThat(config.useLatestVersion()).isFalse();
        assertThat(config.specificAvroReader()).isFalse();
    }

    @Test
    void readsConfluentKeysAsStringsTooAsPropertiesFilesDo() {
        final AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://a:8081,http://b:8081",
                "auto.register.schemas", "false", "use.latest.version", "true", "specific.avro.reader", "true"));

        assertThat(config.autoRegisterSchemas()).isFalse();
        assertThat(config.useLatestVersion()).isTrue();
        assertThat(config.specificAvroReader()).isTrue();
        assertThat(config.registry().location()).isEqualTo("http://a:8081, http://b:8081");
    }

    @Test
    void requiresARegistryUrl() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void rejectsANonHttpUrl() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "registry:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void acceptsConfluentsTopicNameStrategyByClassName() {
        final AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "mock://strategy",
                "value.subject.name.strategy", TopicNameStrategy.CONFLUENT_CLASS_NAME,
                "key.subject.name.strategy", TopicNameStrategy.CONFLUENT_CLASS_NAME));

        assertThat(config.registry().location()).isEqualTo("mock://strategy");
    }

    @Test
    void rejectsOtherSubjectNameStrategiesNamingTheKey() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "mock://strategy",
                "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.subject.name.strategy")
                .hasMessageContaining("RecordNameStrategy");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "mock://strategy",
                "key.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key.subject.name.strategy");
    }

    @Test
    void aMockUrlMustStandAlone() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "mock://a,http://b:8081")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("mock://");
    }

    @Test
    void userInfoCredentialsNeedTheUserInfo() {
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://registry:8081",
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> new AvroSerdeConfig(Map.of("schema.registry.url", "http://registry:8081",
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.credentials.source");
    }

    @Test
    void credentialsInTheUrlDoNotAppearInMessages() {
        final AvroSerdeConfig config = new AvroSerdeConfig(Map.of("schema.registry.url", "http://fred:secret@registry:8081"));

        assertThat(config.registry().location()).isEqualTo("http://registry:8081");
    }
}
