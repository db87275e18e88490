package eu.partnershiptracker.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The table must never call an added id absent (that would let a reused id through the duplicate check) and should
 * call absent whatever hashes apart from everything added (that is what spares the store reads).
 */
class KnownEventIdsTest {

    /** "Aa" and "BB" have the same String hash, so ids made of them collide in all their combinations. */
    private static final List<String> COLLIDING_BLOCKS = List.of("Aa", "BB");

    @Property(tries = 300)
    void answersExactlyAsTheSetOfAddedHashes(@ForAll("pairs") final List<Pair> added,
            @ForAll("pairs") final List<Pair> asked) {
        final KnownEventIds known = new KnownEventIds();
        final Set<Integer> hashes = new HashSet<>();
        for (final Pair pair : added) {
            known.add(pair.partnership(), pair.eventId());
            hashes.add(KnownEventIds.hash(pair.partnership(), pair.eventId()));
        }

        assertThat(added).as("every added id, through all the growths")
                .allMatch(pair -> known.mightContain(pair.partnership(), pair.eventId()));
        assertThat(asked).allSatisfy(pair -> assertThat(known.mightContain(pair.partnership(), pair.eventId()))
                .as(pair.toString())
                .isEqualTo(hashes.contains(KnownEventIds.hash(pair.partnership(), pair.eventId()))));
    }

    @Example
    void collidingIdsAreBothPossiblyKnown() {
        assertThat("event-Aa".hashCode()).isEqualTo("event-BB".hashCode());
        final KnownEventIds known = new KnownEventIds();
        known.add("EU:JP", "event-Aa");

        assertThat(known.mightContain("EU:JP", "event-BB")).as("a collision sends the caller to the rows").isTrue();
        assertThat(known.mightContain("EU:JP", "event-Ab")).isFalse();
    }

    @Example
    void theHashZeroIsRememberedApartFromTheEmptySlots() {
        assertThat(KnownEventIds.hash("", "")).isZero();
        final KnownEventIds known = new KnownEventIds();
        assertThat(known.mightContain("", "")).isFalse();

        known.add("", "");

        assertThat(known.mightContain("", "")).isTrue();
    }

    @Provide
    Arbitrary<List<Pair>> pairs() {
        final Arbitrary<String> partnerships = Arbitraries.of("EU:JP", "EU:NO", "NATO:UA", "EU:KR", "");
        final Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of(COLLIDING_BLOCKS).list().ofMinSize(0).ofMaxSize(4)
                        .map(blocks -> "event-" + String.join("", blocks)),
                Arbitraries.strings().alpha().numeric().ofMaxLength(12));
        return Combinators.combine(partnerships, ids).as(Pair::new).list().ofMaxSize(400);
    }

    record Pair(String partnership, String eventId) {
    }
}
