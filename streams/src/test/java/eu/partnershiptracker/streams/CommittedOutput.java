package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.fold.PartnershipFold;
import eu.partnershiptracker.core.fold.Timeline;
import eu.partnershiptracker.model.PartnershipChange;
import eu.partnershiptracker.model.PartnershipInstrument;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What a tracker application committed to its output topics (read with read_committed), and the checks of it against
 * an {@link ExpectedOutcome}: per partnership, the change feed in order with ids "KEY/1".."KEY/n" and nothing else, the
 * latest records of the instruments topic, and the dead letters.
 */
record CommittedOutput(List<ConsumerRecord<String, PartnershipChange>> changes, LatestInstruments latestInstruments,
        List<ConsumerRecord<String, byte[]>> deadLetters) {

    static CommittedOutput read(final BrokerTracker tracker) {
        Objects.requireNonNull(tracker, "tracker");
        final LatestInstruments latest = new LatestInstruments();
        tracker.readCommitted(tracker.config().topics().instruments(), tracker.<PartnershipInstrument>avro())
                .forEach(record -> latest.apply(record.key(), record.value()));
        return new CommittedOutput(
                tracker.readCommitted(tracker.config().topics().changes(), tracker.avro()),
                latest,
                tracker.readCommitted(tracker.config().topics().deadLetter(), new ByteArrayDeserializer()));
    }

    /** The changes of one partnership in the order of its partition. */
    List<PartnershipChange> changesOf(final String partnership) {
        return changes.stream().filter(record -> record.key().equals(partnership)).map(ConsumerRecord::value).toList();
    }

    /** Every partnership's change feed and latest state are exactly the expected ones; as many dead letters. */
    void assertMatches(final ExpectedOutcome expected) {
        final Set<String> partnerships = new TreeSet<>(expected.partnerships());
        changes.forEach(record -> partnerships.add(record.key()));
        partnerships.addAll(latestInstruments.partnerships());
        for (final String key : partnerships) {
            final List<PartnershipChange> feed = changesOf(key);
            assertThat(feed).as("change ids of " + key).extracting(PartnershipChange::getChangeId)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, feed.size()).mapToObj(n -> key + "/" + n)
                            .toList());
            assertThat(feed).as("changes of " + key).extracting(ExpectedOutcome::describe)
                    .containsExactlyElementsOf(expected.changesOf(key));
            assertThat(ReferenceModel.View.of(latestInstruments.state(key))).as("instruments topic " + key)
                    .isEqualTo(ReferenceModel.View.published(expected.view(key, null)));
        }
        assertThat(deadLetters).as("dead letters").hasSize(expected.rejected());
    }

    /** The store's timelines give the expected current state and the expected states as of the dates. */
    static void assertStoreMatches(final ReadOnlyKeyValueStore<String, Timeline> store, final ExpectedOutcome expected,
            final List<LocalDate> asOfDates) {
        for (final String key : expected.partnerships()) {
            final Timeline timeline = store.get(key);
            assertThat(timeline).as("timeline of " + key).isNotNull();
            assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, null))).as("store " + key)
                    .isEqualTo(expected.view(key, null));
            for (final LocalDate date : asOfDates) {
                assertThat(ReferenceModel.View.of(PartnershipFold.stateAsOf(timeline, date)))
                        .as("store " + key + " as of " + date).isEqualTo(expected.view(key, date));
            }
        }
        final Set<String> stored = new TreeSet<>();
        try (KeyValueIterator<String, Timeline> all = store.all()) {
            all.forEachRemaining(entry -> stored.add(entry.key));
        }
        assertThat(stored).as("partnerships in the store").isEqualTo(new TreeSet<>(expected.partnerships()));
    }
}
