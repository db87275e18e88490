package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.cluster.TrackerTopics;
import eu.partnershiptracker.testing.Infrastructure;
import eu.partnershiptracker.testing.RealInfrastructure;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The default of six partitions is for new topics: topics made with three before are used as they are. */
@ExtendWith(RealInfrastructure.class)
class TopicLayoutOnBrokerTest {

    @Test
    void topicsThatExistWithThreePartitionsKeepThemAndMissingOnesGetTheDefault(final Infrastructure infra)
            throws Exception {
        final String name = infra.uniqueTopic("layout");
        final TopicNames names =
                new TopicNames(name + "-events", name + "-changes", name + "-instruments", name + "-dlq");
        TrackerTopics.ensure(infra.admin(), TrackerTopics.all(names, 3, (short) 1).subList(0, 3), infra.cluster());

        TrackerTopics.ensure(infra.admin(), TrackerTopics.all(names, TrackerTopics.DEFAULT_PARTITIONS, (short) 1),
                infra.cluster());

        final Map<String, TopicDescription> described =
                infra.admin().describeTopics(names.all()).allTopicNames().get();
        for (final String existing : List.of(names.events(), names.changes(), names.instruments())) {
            assertThat(described.get(existing).partitions()).as(existing).hasSize(3);
        }
        assertThat(described.get(names.deadLetter()).partitions()).hasSize(TrackerTopics.DEFAULT_PARTITIONS);
    }
}
