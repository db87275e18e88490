package eu.partnershiptracker.producer.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.testing.ProjectFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The seeds' writing dates as data/reference/sources.yaml documents them, and the dates a bound may rest on without
 * stating them in its event: a writing date or one of its bounds (a present tense is true by then), and the day after
 * one stated to the day (a plan not yet realised on that day happened no earlier than the next).
 */
record WritingDates(List<Source> sources) {

    /** One documented seed: its file name and its writing date, exact or by bounds. */
    record Source(String file, DateClaim written) {
    }

    WritingDates {
        sources = List.copyOf(sources);
    }

    static Path file() {
        return ProjectFiles.data().resolve("reference").resolve("sources.yaml");
    }

    static WritingDates documented() {
        final List<Source> sources = new ArrayList<>();
        for (final JsonNode entry : RecordFiles.yaml(file()).path("sources")) {
            sources.add(new Source(entry.path("source").asText(), DateClaim.parse(entry.path("written").asText())));
        }
        return new WritingDates(sources);
    }

    /** Whether a bound is a documented writing date, one of its bounds, or the day after one stated to the day. */
    boolean justifies(final PartialDate bound) {
        Objects.requireNonNull(bound, "bound");
        return sources.stream().map(Source::written)
                .flatMap(written -> Stream.of(written.exact(), written.notBefore(), written.notAfter()))
                .filter(Objects::nonNull)
                .flatMap(date -> date.getPrecision() == DatePrecision.DAY
                        ? Stream.of(date, new PartialDate(date.getDate().plusDays(1), DatePrecision.DAY))
                        : Stream.of(date))
                .anyMatch(bound::equals);
    }
}
