package eu.partnershiptracker.query;

import eu.partnershiptracker.model.Certainty;
import eu.partnershiptracker.model.InstrumentState;
import eu.partnershiptracker.model.InstrumentStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which steps status filters and counts take: by default (CERTAIN) only steps that had certainly happened; with ANY
 * also steps known only by bounds that had possibly happened. Lists without a status filter show every instrument
 * either way, each with its own certainty.
 */
public enum CertaintyFilter {
    CERTAIN,
    ANY;

    /** Reads CERTAIN or ANY in any case. */
    public static CertaintyFilter parse(final String text) {
        Objects.requireNonNull(text, "text");
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not one of "
                    + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")), e);
        }
    }

    /** The status an instrument counts under: its certain status, or with ANY its highest step; empty when none. */
    public Optional<InstrumentStatus> status(final InstrumentState instrument) {
        if (this == ANY) {
            return Optional.of(instrument.getPossibleStatus() != null ? instrument.getPossibleStatus()
                    : instrument.getStatus());
        }
        return instrument.getCertainty() == Certainty.POSSIBLE ? Optional.empty() : Optional.of(instrument.getStatus());
    }

    /** Whether the instrument is in the status: certainly, or with ANY possibly (its possibleStatus counts too). */
    public boolean matches(final InstrumentState instrument, final InstrumentStatus status) {
        if (this == ANY) {
            return instrument.getStatus() == status || instrument.getPossibleStatus() == status;
        }
        return instrument.getCertainty() != Certainty.POSSIBLE && instrument.getStatus() == status;
    }

    /** How sure the instrument's highest step is: POSSIBLE when it has a possible step beyond its certain one. */
    public static Certainty ofHighestStep(final InstrumentState instrument) {
        return instrument.getPossibleStatus() != null || instrument.getCertainty() == Certainty.POSSIBLE
                ? Certainty.POSSIBLE : Certainty.CERTAIN;
    }
}
