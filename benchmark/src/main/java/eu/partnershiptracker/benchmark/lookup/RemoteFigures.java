package eu.partnershiptracker.benchmark.lookup;

import java.util.Objects;

/** What the lookup client in its own JVM measured over HTTP: as-of lookups, then snapshots of every partnership. */
public record RemoteFigures(Latencies lookups, SnapshotTimes snapshot) {

    public RemoteFigures {
        Objects.requireNonNull(lookups, "lookups");
        Objects.requireNonNull(snapshot, "snapshot");
    }
}
