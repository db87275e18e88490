package eu.partnershiptracker.producer.publish;

import java.util.Objects;

/**
 * What a publish run does when records already on the events topic cannot be read as events. The skip-what-is-there
 * check only works on a log it can read: when a registry has lost its schemas, every record looks unreadable, and
 * publishing anyway would append the whole dataset a second time to the log of record.
 */
public enum OnUnreadable {

    /** Publish nothing and say what is unreadable: the default, since the run cannot know what is already there. */
    REFUSE,
    /** Publish as if the unreadable records were not there; the caller warns about them. For foreign records only. */
    IGNORE;

    /**
     * Lets the run go on, or refuses it.
     *
     * @throws PublishException of kind {@link PublishException.Kind#UNREADABLE_RECORDS} when this is {@link #REFUSE}
     *                          and some records are unreadable
     */
    void check(final UnreadableRecords unreadable, final PublishSettings settings) throws PublishException {
        Objects.requireNonNull(unreadable, "unreadable");
        Objects.requireNonNull(settings, "settings");
        if (this == IGNORE || unreadable.isEmpty()) {
            return;
        }
        throw new PublishException(PublishException.Kind.UNREADABLE_RECORDS, unreadable.count()
                + (unreadable.count() == 1 ? " record on " : " records on ") + settings.topic()
                + " cannot be read as events, in " + unreadable.where() + "; the first: " + unreadable.firstReason()
                + ". The run cannot tell which events these records hold, so publishing could append events that are"
                + " already there; it refuses.", null);
    }
}
