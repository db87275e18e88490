package eu.partnershiptracker.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.cluster.ClusterSettings;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.SourcedEvent;
import eu.partnershiptracker.serde.SchemaRegistryNotFoundException;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.ProjectFiles;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A registry URL without the Confluent API, on a real broker and a real Apicurio: refused before Kafka is touched. */
@ExtendWith(RealInfrastructure.class)
class WrongRegistryUrlTest {

    @Test
    void isRefusedAsAWrongUrlBeforeTheTopicIsCreated(final Infrastructure infra) throws Exception {
        final String topic = infra.uniqueTopic("events");
        final PublishSettings settings = new PublishSettings(ClusterSettings.of(infra.bootstrapServers(),
                infra.registryBaseUrl()), topic, 3, (short) 1, PublishSettings.DEFAULT_TRANSACTIONAL_ID);
        final List<SourcedEvent> events = EventFiles.bundled().check(List.of(ProjectFiles.events().resolve("eu-sdp.yaml")));

        assertThatThrownBy(() -> new EventPublisher().publish(events, settings))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.kind())
                        .isEqualTo(PublishException.Kind.WRONG_REGISTRY_URL))
                .hasCauseInstanceOf(SchemaRegistryNotFoundException.class)
                .hasMessageContaining("For Apicurio Registry it is " + infra.registryUrl());
        assertThat(infra.admin().listTopics().names().get()).doesNotContain(topic);
    }
}
