package eu.partnershiptracker.core;

import eu.partnershiptracker.core.fold.InstrumentId;
import eu.partnershiptracker.model.InstrumentType;
import java.util.Objects;

/**
 * The key of one instrument of one partnership on the instruments topic: {@code ACTOR:COUNTERPART|TYPE} for an
 * instrument without a key, {@code ACTOR:COUNTERPART|TYPE|key} for one with a key, e.g. {@code EU:JP|FPA} and
 * {@code EU:JP|JOINT_DECLARATION|2016}. Built and read here only. The instrument key comes last, so it may hold any
 * character; a partnership key and a type name never hold the separator.
 *
 * @param partnership the partnership the instrument belongs to
 * @param instrument  the instrument within it
 */
public record InstrumentRecordKey(PartnershipKey partnership, InstrumentId instrument) {

    private static final String SEPARATOR = "|";

    public InstrumentRecordKey {
        Objects.requireNonNull(partnership, "partnership");
        Objects.requireNonNull(instrument, "instrument");
    }

    /** The key of an instrument of the partnership keyed "ACTOR:COUNTERPART". */
    public static String of(final String partnership, final InstrumentId instrument) {
        return new InstrumentRecordKey(PartnershipKey.parse(partnership), instrument).toString();
    }

    /**
     * Reads {@code ACTOR:COUNTERPART|TYPE} or {@code ACTOR:COUNTERPART|TYPE|key}.
     *
     * @throws IllegalArgumentException naming the text when it is not an instrument record key
     */
    public static InstrumentRecordKey parse(final String text) {
        Objects.requireNonNull(text, "text");
        final String[] parts = text.split("\\" + SEPARATOR, 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("'" + text + "' is not an instrument of a partnership: write"
                    + " ACTOR:COUNTERPART|TYPE or ACTOR:COUNTERPART|TYPE|key, e.g. EU:JP|FPA");
        }
        final InstrumentType type;
        try {
            type = InstrumentType.valueOf(parts[1]);
        } catch (final IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' names no instrument type '" + parts[1] + "'", e);
        }
        return new InstrumentRecordKey(PartnershipKey.parse(parts[0]),
                new InstrumentId(type, parts.length == 3 ? parts[2] : null));
    }

    @Override
    public String toString() {
        final String typed = partnership + SEPARATOR + instrument.type().name();
        return instrument.key() == null ? typed : typed + SEPARATOR + instrument.key();
    }
}
