package eu.partnershiptracker.query;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipState;
import java.util.Objects;

/**
 * Which partnerships a list keeps; a null part matches everything. A partnership is kept when its actor matches and
 * one of its instruments matches both the instrument type and the status, so "SDP and SIGNED" means a signed SDP,
 * not any SDP in a partnership where something else is signed. The status is matched as {@code certainty} says: a
 * certain status by default, a possible one too with ANY.
 */
public record PartnershipFilter(Actor actor, InstrumentType instrument, InstrumentStatus status,
        CertaintyFilter certainty) {

    public static final PartnershipFilter ALL = new PartnershipFilter(null, null, null, CertaintyFilter.CERTAIN);

    public PartnershipFilter {
        Objects.requireNonNull(certainty, "certainty");
    }

    /**
     * Without an instrument or a status to match, a partnership is kept even with no instrument yet: its conflicts are
     * part of the record at every date.
     */
    public boolean keeps(final PartnershipState state) {
        return (actor == null || actor == state.getActor())
                && (instrument == null && status == null || state.getInstruments().stream().anyMatch(this::keeps));
    }

    private boolean keeps(final InstrumentState candidate) {
        return (instrument == null || instrument == candidate.getType())
                && (status == null || certainty.matches(candidate, status));
    }
}
