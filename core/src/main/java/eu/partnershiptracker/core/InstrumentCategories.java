package eu.partnershiptracker.core;

import eu.partnershiptracker.model.InstrumentCategory;
import eu.partnershiptracker.model.InstrumentType;
import java.util.Objects;

/**
 * The one place that says whether an instrument type is a partnership instrument, which both sides take part in, or a
 * milestone, a one-sided act that marks the partnership. data/reference/instruments.yaml states the same per type, and
 * a test holds the two together.
 */
public final class InstrumentCategories {

    private InstrumentCategories() {
    }

    /**
     * The category of a type. UNKNOWN for UNKNOWN, and for OTHER: an instrument that no type fits may be either, and
     * saying one would be a guess.
     */
    public static InstrumentCategory of(final InstrumentType type) {
        // A switch with no default, so that a new InstrumentType symbol does not compile until it has a category.
        return switch (Objects.requireNonNull(type, "type")) {
            case UNKNOWN, OTHER -> InstrumentCategory.UNKNOWN;
            case STRATEGY_DOCUMENT, POLICY_DECISION, SUMMIT_DECLARATION, PARLIAMENTARY_RESOLUTION, PROPOSAL ->
                    InstrumentCategory.MILESTONE;
            case SDP, FPA, STRATEGIC_PARTNERSHIP, FRAMEWORK_AGREEMENT, SECURITY_DEFENCE_DIALOGUE, STRUCTURED_DIALOGUE,
                    JOINT_DECLARATION, COMMON_PROPOSALS, PROGRESS_REPORT, ITPP, NATO_MEMBERSHIP, PARTNERSHIP_FOR_PEACE,
                    NATO_PARTNERSHIP_FRAMEWORK, EU_CANDIDATE_STATUS, EU_MEMBERSHIP, PESCO_PARTICIPATION,
                    ADMINISTRATIVE_ARRANGEMENT, SECURITY_OF_INFORMATION_AGREEMENT, DIGITAL_PARTNERSHIP, BERLIN_PLUS,
                    JOINT_BODY, MEETING_FORMAT, THEMATIC_DIALOGUE, TECHNICAL_ARRANGEMENT,
                    TRADE_AND_TECHNOLOGY_COUNCIL, COOPERATION_PROGRAMME, JOINT_PROJECT, JOINT_POLICY_DOCUMENT,
                    JOINT_EXERCISE, JOINT_ASSESSMENT, CSDP_OPERATION, PARTNER_CONTRIBUTION, NATO_PARTNER_STATUS ->
                    InstrumentCategory.PARTNERSHIP_INSTRUMENT;
        };
    }
}
