package eu.partnershiptracker.query;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartnershipState;

/**
 * Which partnerships a list keeps; a null part matches everything. A partnership is kept when its actor matches and
 * one of its instruments matches both the instrument type and the status, so "SDP and SIGNED" means a signed SDP,
 * not any SDP in a partnership where something else is signed.
 */
public record PartnershipFilter(Actor actor, InstrumentType instrument, InstrumentStatus status) {

    public static final PartnershipFilter ALL = new PartnershipFilter(null, null, null);

    public boolean keeps(final PartnershipState state) {
        return (actor == null || actor == state.getActor())
                && state.getInstruments().stream().anyMatch(this::keeps);
    }

    private boolean keeps(final InstrumentState instrument) {
        return (this.instrument == null || this.instrument == instrument.getType())
                && (status == null || status == instrument.getStatus());
    }
}
