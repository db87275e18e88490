package eu.partnershiptracker.quality;

import java.util.Objects;

/** A figure a seed states ("the EU has concluded 23 FPAs"), and how the record must reproduce it. */
public record Figure(String id, String source, String quote, FigureCount count, int expected) {

    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(count, "count");
    }
}
