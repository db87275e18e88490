package eu.partnershiptracker.producer.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The refusal decision: an unreadable record stops a run unless the caller overrules, and the error says enough. */
class OnUnreadableTest {

    private static final PublishSettings SETTINGS = PublishSettings.local("localhost:9092",
            "http://127.0.0.1:8081/apis/ccompat/v7");

    @Test
    void aFullyReadableTopicPassesEitherWay() {
        final UnreadableRecords none = new UnreadableRecords();

        assertThatCode(() -> OnUnreadable.REFUSE.check(none, SETTINGS)).doesNotThrowAnyException();
        assertThatCode(() -> OnUnreadable.IGNORE.check(none, SETTINGS)).doesNotThrowAnyException();
    }

    @Test
    void oneUnreadableRecordIsRefusedWithWhatWhereAndWhy() {
        final UnreadableRecords unreadable = new UnreadableRecords();
        unreadable.add(2, 7, "unknown schema id 3: schema registry at http://r/apis/ccompat/v7 has no such schema");

        assertThatThrownBy(() -> OnUnreadable.REFUSE.check(unreadable, SETTINGS))
                .isInstanceOfSatisfying(PublishException.class, e -> assertThat(e.kind())
                        .isEqualTo(PublishException.Kind.UNREADABLE_RECORDS))
                .hasMessageStartingWith("1 record on policy-events cannot be read as events, in partition 2"
                        + " (offset 7); the first: partition 2, offset 7: unknown schema id 3: schema registry at"
                        + " http://r/apis/ccompat/v7 has no such schema.")
                .hasMessageContaining("could append events that are already there");
    }

    @Test
    void manyUnreadableRecordsAreSummedUpPerPartitionWithTheFirstReason() {
        final UnreadableRecords unreadable = new UnreadableRecords();
        unreadable.add(1, 4, "first");
        unreadable.add(0, 0, "second");
        unreadable.add(1, 0, "third");
        unreadable.add(1, 9, "fourth");

        assertThat(unreadable.count()).isEqualTo(4);
        assertThat(unreadable.where()).isEqualTo("partition 0 (offset 0), partition 1 (3 records, offsets 0-9)");
        assertThat(unreadable.firstReason()).isEqualTo("partition 1, offset 4: first");
        assertThatThrownBy(() -> OnUnreadable.REFUSE.check(unreadable, SETTINGS))
                .hasMessageStartingWith("4 records on policy-events cannot be read as events");
    }

    @Test
    void ignoringIsTheCallersExplicitChoice() {
        final UnreadableRecords unreadable = new UnreadableRecords();
        unreadable.add(0, 0, "not Avro");

        assertThatCode(() -> OnUnreadable.IGNORE.check(unreadable, SETTINGS)).doesNotThrowAnyException();
    }
}
