package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A small fixed reference list for tests that must not change when the curated lists grow. */
public final class TestReference {

    private TestReference() {
    }

    /** The fixed list, with more counterpart codes if given (e.g. {@code EU}, which only NATO may name). */
    public static ReferenceData reference(final String... moreCounterparts) {
        final Map<String, CounterpartName> counterparts = Stream.concat(Stream.of("JP", "NO", "MD", "KR", "AL", "MK",
                        "NATO", "UN"), Arrays.stream(moreCounterparts))
                .collect(Collectors.toMap(Function.identity(), code -> CounterpartName.of("name of " + code)));
        return new ReferenceData(
                Arrays.stream(Actor.values()).map(Enum::name).collect(Collectors.toSet()),
                counterparts,
                new InstrumentNames(Arrays.stream(InstrumentType.values()).filter(t -> t != InstrumentType.UNKNOWN)
                        .collect(Collectors.toMap(Enum::name, type -> "type " + type.name())),
                        List.of(new InstrumentNames.Entry("JOINT_DECLARATION", "2016", null, "Joint Declaration 2016"),
                                new InstrumentNames.Entry("OTHER", "misc", null, "Miscellany"))),
                Arrays.stream(EventKind.values()).filter(k -> k != EventKind.UNKNOWN).map(Enum::name)
                        .collect(Collectors.toSet()));
    }
}
