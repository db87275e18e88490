package eu.partnershiptracker.query.health;

import io.javalin.openapi.OpenApiIgnore;
import java.util.List;
import java.util.Objects;

/**
 * The answer of a health endpoint, in the MicroProfile Health shape: UP when every check is, and each check.
 *
 * @param streams the streams application's state, as the first /health answered it; kept for its clients
 */
public record HealthReport(Check.Status status, String streams, List<Check> checks) {

    public HealthReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(streams, "streams");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
    }

    static HealthReport of(final String streams, final List<Check> checks) {
        return new HealthReport(checks.stream().allMatch(Check::healthy) ? Check.Status.UP : Check.Status.DOWN, streams,
                checks);
    }

    @OpenApiIgnore
    public boolean healthy() {
        return status == Check.Status.UP;
    }
}
