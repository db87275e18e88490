package eu.partnershiptracker.core.orders;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The orders of seed 003 against the dates of seed 000, and the rules of narrowing one by one. */
class OrderResolutionTest {

    private static final StatedOrder BY_SIGNATURE = new StatedOrder("sdp-by-signature", "003.txt", "by date of signature",
            null, List.of(List.of("no"), List.of("md"), List.of("kr"), List.of("jp"), List.of("gb"), List.of("ca")));
    private static final StatedOrder UK_MOST_RECENT = new StatedOrder("sdp-uk-most-recent", "003.txt",
            "The most recent example", null, List.of(List.of("no", "md", "kr", "jp", "ca"), List.of("gb")));

    private static PolicyEvent sdp(final String id, final String date) {
        final DateClaim claim = DateClaim.parse(date);
        return event(id, "EU:" + id.toUpperCase(Locale.ROOT), SDP, SIGNED, "2024")
                .setEventDate(claim.exact()).setDateBounds(claim.bounds()).build();
    }

    private static List<PolicyEvent> seeds() {
        return List.of(sdp("md", "2024-05"), sdp("no", "2024-06"), sdp("kr", "[2024-07-12..2025-08]"),
                sdp("jp", "[2024-07-12..2025-08]"), sdp("gb", "[..2025-08]"), sdp("ca", "[..2025-08]"));
    }

    private static Map<String, PolicyEvent> resolve(final List<PolicyEvent> events, final StatedOrder... orders) {
        return OrderResolution.resolve(events, List.of(orders)).stream()
                .collect(Collectors.toMap(PolicyEvent::getEventId, Function.identity()));
    }

    @Test
    void anOrderAfterDatedStepsRaisesTheLowerBoundsOfTheStepsAfterThem() {
        final Map<String, PolicyEvent> resolved = resolve(seeds(), BY_SIGNATURE, UK_MOST_RECENT);

        assertThat(DateClaim.of(resolved.get("gb")).format()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(DateClaim.of(resolved.get("ca")).format()).isEqualTo("[2024-07-12..2025-08]");
        assertThat(resolved.get("jp").getOrderBounds()).as("already as narrow as the order makes it").isNull();
        assertThat(resolved.get("md").getOrderBounds()).as("an exact date is never narrowed").isNull();
        assertThat(resolved.get("gb").getOrders()).extracting(StepOrder::getOrderId)
                .containsExactly("sdp-by-signature", "sdp-uk-most-recent");
        assertThat(resolved.get("no").getOrders().get(0).getStated()).startsWith("EU:NO SDP SIGNED < EU:MD SDP SIGNED < ");
    }

    @Test
    void anOrderThatContradictsStatedDatesIsReportedOnBothStepsAndNarrowsNothing() {
        final Map<String, PolicyEvent> resolved = resolve(seeds(), BY_SIGNATURE);

        final String sentence = "The order puts EU:NO SDP SIGNED before EU:MD SDP SIGNED, but their stated dates say"
                + " otherwise: EU:NO SDP SIGNED 2024-06, EU:MD SDP SIGNED 2024-05.";
        assertThat(resolved.get("no").getOrders().get(0).getContradictions()).containsExactly(sentence);
        assertThat(resolved.get("md").getOrders().get(0).getContradictions()).containsExactly(sentence);
        assertThat(resolved.get("kr").getOrders().get(0).getContradictions()).isEmpty();
    }

    @Test
    void twoOrdersOfOnePairThatDisagreeAreBothReportedAndNarrowNothing() {
        final List<PolicyEvent> events = List.of(sdp("gb", "[2024..2025-08]"), sdp("ca", "[..2025-05]"));
        final StatedOrder gbFirst = new StatedOrder("a", "s", "q", null, List.of(List.of("gb"), List.of("ca")));
        final StatedOrder caFirst = new StatedOrder("b", "s", "q", null, List.of(List.of("ca"), List.of("gb")));

        final Map<String, PolicyEvent> resolved = resolve(events, gbFirst, caFirst);

        assertThat(resolved.get("gb").getOrderBounds()).isNull();
        assertThat(resolved.get("ca").getOrderBounds()).isNull();
        assertThat(resolved.get("ca").getOrders()).allSatisfy(order -> assertThat(order.getContradictions())
                .singleElement().asString().contains("but order '"));
    }

    @Test
    void aBoundedStepBeforeAnExactOneEndsNoLaterThanIt() {
        final List<PolicyEvent> events = List.of(sdp("kr", "[2020..]"), sdp("no", "2024-06"));
        final StatedOrder krFirst = new StatedOrder("o", "s", "q", null, List.of(List.of("kr"), List.of("no")));

        assertThat(DateClaim.of(resolve(events, krFirst).get("kr")).format()).isEqualTo("[2020..2024-06]");
    }

    @Test
    void ordersThatTogetherLeaveAStepNoDayAreReportedInsteadOfNarrowing() {
        final List<PolicyEvent> events = List.of(sdp("md", "2024-05"), sdp("kr", "[..2025]"), sdp("no", "2023"));
        final StatedOrder one = new StatedOrder("one", "s", "q", null, List.of(List.of("md"), List.of("kr")));
        final StatedOrder two = new StatedOrder("two", "s", "q", null, List.of(List.of("kr"), List.of("no")));

        final PolicyEvent kr = resolve(events, one, two).get("kr");

        assertThat(kr.getOrderBounds()).isNull();
        assertThat(kr.getOrders()).allSatisfy(order -> assertThat(order.getContradictions())
                .anySatisfy(sentence -> assertThat(sentence).contains("together leave it no day")));
    }

    @Test
    void anOrderNamingAnUnknownEventIsRejected() {
        final StatedOrder unknown = new StatedOrder("o", "s", "q", null, List.of(List.of("md"), List.of("xx")));

        assertThatThrownBy(() -> OrderResolution.resolve(seeds(), List.of(unknown)))
                .hasMessageContaining("unknown event 'xx'");
    }
}
