package eu.partnershiptracker.quality;

import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.testing.ProjectFiles;

/** The curated record of this repository (data/), as the quality report reads it. */
final class CuratedRecord {

    private CuratedRecord() {
    }

    static Dataset dataset() {
        try {
            return Dataset.readBeside(ProjectFiles.events());
        } catch (final ValidationException e) {
            throw new AssertionError("the curated record is invalid:\n" + e.getMessage(), e);
        }
    }
}
