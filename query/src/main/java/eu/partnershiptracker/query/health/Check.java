package eu.partnershiptracker.query.health;

import io.javalin.openapi.OpenApiIgnore;
import java.util.Map;
import java.util.Objects;

/**
 * One check of a health answer, in the MicroProfile Health shape: what was checked, UP or DOWN, and what it found (a
 * state, or the error that made it DOWN).
 */
public record Check(String name, Status status, Map<String, String> data) {

    /** Whether the checked thing is usable. */
    public enum Status { UP, DOWN }

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        data = Map.copyOf(Objects.requireNonNull(data, "data"));
    }

    static Check down(final String name, final String error) {
        return new Check(name, Status.DOWN, Map.of("error", error));
    }

    @OpenApiIgnore
    boolean healthy() {
        return status == Status.UP;
    }
}
