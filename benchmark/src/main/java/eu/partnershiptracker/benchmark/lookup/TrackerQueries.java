package eu.partnershiptracker.benchmark.lookup;

import eu.partnershiptracker.benchmark.streams.StreamsApp;
import eu.partnershiptracker.query.LocalStore;
import eu.partnershiptracker.query.TimelineQueries;
import java.util.Objects;

/**
 * The query code over a running tracker application, wired as the HTTP API wires it: through {@link LocalStore}, the
 * one place that knows how, so that in-process figures measure the API's own path (indexes, with the fold as fallback).
 */
public final class TrackerQueries {

    private TrackerQueries() {
    }

    public static TimelineQueries of(final StreamsApp tracker) {
        Objects.requireNonNull(tracker, "tracker");
        return new LocalStore(tracker.streams(), tracker.indexes()).queries();
    }
}
