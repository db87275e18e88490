package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.model.Actor;
import java.time.LocalDate;

/**
 * Something that answers "the instrument statuses of this partnership as of this date": the store in-process, or the
 * HTTP API. The latency benchmark times calls to it.
 */
public interface LookupTarget {

    /** A short name for the results, e.g. "in-process" or "http". */
    String name();

    /** Looks the partnership up; true when it has a state as of that date, false when it has none yet. */
    boolean lookup(Actor actor, String counterpart, LocalDate asOf);
}
