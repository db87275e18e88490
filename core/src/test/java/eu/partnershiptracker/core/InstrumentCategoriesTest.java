package eu.partnershiptracker.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import eu.partnershiptracker.model.InstrumentCategory;
import eu.partnershiptracker.model.InstrumentType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Which types are one-sided milestones; the agreement with instruments.yaml is checked in ReferenceListsTest. */
class InstrumentCategoriesTest {

    @Test
    void oneSidedActsAreMilestones() {
        assertThat(Arrays.stream(InstrumentType.values())
                .filter(type -> InstrumentCategories.of(type) == InstrumentCategory.MILESTONE))
                .containsExactlyInAnyOrder(InstrumentType.STRATEGY_DOCUMENT, InstrumentType.POLICY_DECISION,
                        InstrumentType.SUMMIT_DECLARATION, InstrumentType.PARLIAMENTARY_RESOLUTION,
                        InstrumentType.PROPOSAL);
    }

    @Test
    void onlyUnknownAndOtherHaveNoCategory() {
        assertThat(Arrays.stream(InstrumentType.values())
                .filter(type -> InstrumentCategories.of(type) == InstrumentCategory.UNKNOWN))
                .containsExactlyInAnyOrder(InstrumentType.UNKNOWN, InstrumentType.OTHER);
    }

    @Test
    void agreementsAndJointFormatsArePartnershipInstruments() {
        assertThat(InstrumentCategories.of(InstrumentType.SDP)).isEqualTo(InstrumentCategory.PARTNERSHIP_INSTRUMENT);
        assertThat(InstrumentCategories.of(InstrumentType.JOINT_BODY))
                .isEqualTo(InstrumentCategory.PARTNERSHIP_INSTRUMENT);
    }

    @Test
    void aMissingTypeIsRefused() {
        assertThatNullPointerException().isThrownBy(() -> InstrumentCategories.of(null)).withMessage("type");
    }
}
