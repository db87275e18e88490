package eu.partnershiptracker.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Extra Kafka Streams properties reach the service's application, and cannot move its state or its address. */
class ServeSettingsTest {

    @Test
    void streamsOverridesReachTheApplicationButTheSettingsKeepStateAndAddress() {
        final ServeSettings settings = ServeSettings.builder("localhost:9092", "http://localhost:8081/apis/ccompat/v7")
                .stateDir(Path.of("/tmp/tracker-state"))
                .advertisedHost("tracker.local")
                .streamsOverrides(Map.of("num.stream.threads", "2", "state.dir", "/elsewhere"))
                .build();

        final Properties properties = settings.trackerConfig(8080).streamsProperties();

        assertThat(properties).containsEntry("num.stream.threads", "2")
                .containsEntry("state.dir", Path.of("/tmp/tracker-state").toAbsolutePath().toString())
                .containsEntry("application.server", "tracker.local:8080")
                .containsEntry("processing.guarantee", "exactly_once_v2");
    }

    @Test
    void withoutOverridesTheApplicationRunsOnTheTrackersOwnProperties() {
        final Properties properties = ServeSettings.builder("localhost:9092", "http://localhost:8081/apis/ccompat/v7")
                .build().trackerConfig(8080).streamsProperties();

        assertThat(properties).doesNotContainKey("num.stream.threads");
    }
}
