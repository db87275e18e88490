package eu.partnershiptracker.quality;

import eu.partnershiptracker.validation.ValidationException;
import java.nio.file.Path;

/** The curated record of this repository (data/), found through the {@code tracker.projectRoot} that surefire passes. */
final class CuratedRecord {

    private CuratedRecord() {
    }

    static Path projectRoot() {
        return Path.of(System.getProperty("tracker.projectRoot", "..")).toAbsolutePath().normalize();
    }

    static Path events() {
        return projectRoot().resolve("data").resolve("events");
    }

    static Dataset dataset() {
        try {
            return Dataset.readBeside(events());
        } catch (final ValidationException e) {
            throw new AssertionError("the curated record is invalid:\n" + e.getMessage(), e);
        }
    }
}
