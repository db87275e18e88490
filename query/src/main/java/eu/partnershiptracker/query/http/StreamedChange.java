package eu.partnershiptracker.query.http;

import java.util.Objects;

/**
 * One change read from the changes topic and rendered to the JSON every client is sent: rendered once, whatever the
 * number of clients.
 *
 * @param partition the partition of the changes topic it was read from
 * @param offset    its offset there
 * @param json      the PartnershipChange as JSON
 */
record StreamedChange(int partition, long offset, String json) {

    StreamedChange {
        Objects.requireNonNull(json, "json");
    }
}
