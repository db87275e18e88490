package eu.partnershiptracker.core.fold;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The stages of the kinds of issue 9 sit where an analyst reads them, and every kind but UNKNOWN has one. */
class LifecycleTest {

    @Test
    void everyKnownKindReachesAStage() {
        assertThat(Arrays.stream(EventKind.values()).filter(kind -> kind != EventKind.UNKNOWN))
                .allSatisfy(kind -> assertThat(Lifecycle.stage(kind)).as(kind.name()).isPresent());
        assertThat(Lifecycle.stage(EventKind.UNKNOWN)).isEmpty();
    }

    @Test
    void anAnnouncementAndADecisionComeBeforeAnyTalks() {
        assertThat(Lifecycle.rank(EventKind.ANNOUNCED)).isPositive()
                .isLessThan(Lifecycle.rank(EventKind.DECIDED));
        assertThat(Lifecycle.rank(EventKind.DECIDED)).isLessThan(Lifecycle.rank(EventKind.EXPLORATORY_TALKS_STARTED));
        assertThat(Lifecycle.rank(EventKind.ANNOUNCED)).isLessThan(Lifecycle.rank(EventKind.LAUNCHED));
    }

    @Test
    void aDeclinedOfferOutranksItsLaunchButNotATermination() {
        assertThat(Lifecycle.stage(EventKind.DECLINED)).contains(InstrumentStatus.DECLINED);
        assertThat(Lifecycle.rank(EventKind.DECLINED)).isGreaterThan(Lifecycle.rank(EventKind.LAUNCHED))
                .isGreaterThan(Lifecycle.rank(EventKind.SUPERSEDED))
                .isLessThan(Lifecycle.rank(EventKind.TERMINATED));
    }

    @Test
    void theNewKindsAreOneTimeFacts() {
        assertThat(Lifecycle.repeatable(EventKind.ANNOUNCED)).isFalse();
        assertThat(Lifecycle.repeatable(EventKind.DECIDED)).isFalse();
        assertThat(Lifecycle.repeatable(EventKind.DECLINED)).isFalse();
        assertThat(Lifecycle.repeatable(EventKind.HELD)).isTrue();
    }
}
