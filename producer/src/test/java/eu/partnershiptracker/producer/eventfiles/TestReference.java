package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A small fixed reference list for tests that must not change when the curated lists grow. */
public final class TestReference {

    private TestReference() {
    }

    public static ReferenceData reference() {
        return new ReferenceData(
                Arrays.stream(Actor.values()).map(Enum::name).collect(Collectors.toSet()),
                Set.of("JP", "NO", "MD", "KR", "AL", "MK", "NATO", "UN"),
                Arrays.stream(InstrumentType.values()).filter(t -> t != InstrumentType.UNKNOWN).map(Enum::name)
                        .collect(Collectors.toSet()),
                Arrays.stream(EventKind.values()).filter(k -> k != EventKind.UNKNOWN).map(Enum::name)
                        .collect(Collectors.toSet()));
    }
}
