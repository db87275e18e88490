package eu.partnershiptracker.core.orders;

import static eu.partnershiptracker.core.testing.TestEvents.event;
import static eu.partnershiptracker.model.EventKind.SIGNED;
import static eu.partnershiptracker.model.InstrumentType.SDP;
import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What resolving orders must do whatever the events, the orders and the order they come in. */
class OrderResolutionProperties {

    private static final List<String> DATES = List.of("2023", "2024", "2024-05", "2024-06", "2024-07-12", "2025-08");

    /** Some events and some orders over them. */
    record Case(List<PolicyEvent> events, List<StatedOrder> orders) {
    }

    @Property
    void narrowingNeverWidensAndNeverTouchesAnExactDate(@ForAll("cases") final Case given) {
        for (final PolicyEvent event : OrderResolution.resolve(given.events(), given.orders())) {
            final DateClaim stated = DateClaim.stated(event);
            if (!stated.isBounded()) {
                assertThat(event.getOrderBounds()).isNull();
            } else if (event.getOrderBounds() != null) {
                final DateClaim narrowed = DateClaim.of(event);
                assertThat(narrowed.earliestDay()).isAfterOrEqualTo(stated.earliestDay());
                assertThat(narrowed.latestDay()).isBeforeOrEqualTo(stated.latestDay());
                assertThat(narrowed).isNotEqualTo(stated);
            }
        }
    }

    @Property
    void theResultDoesNotDependOnTheOrderOfTheInput(@ForAll("cases") final Case given, @ForAll final long seed) {
        final List<PolicyEvent> events = new ArrayList<>(given.events());
        final List<StatedOrder> orders = new ArrayList<>(given.orders());
        Collections.shuffle(events, new Random(seed));
        Collections.shuffle(orders, new Random(seed + 1));

        assertThat(byId(OrderResolution.resolve(events, orders)))
                .isEqualTo(byId(OrderResolution.resolve(given.events(), given.orders())));
    }

    @Property
    void aContradictedPairIsReportedOnBothOfItsSteps(@ForAll("cases") final Case given) {
        final List<PolicyEvent> resolved = OrderResolution.resolve(given.events(), given.orders());
        for (final PolicyEvent event : resolved) {
            for (final StepOrder order : event.getOrders()) {
                order.getContradictions().stream().filter(sentence -> sentence.startsWith("The order puts"))
                        .forEach(sentence -> assertThat(resolved).filteredOn(other -> other != event)
                                .anySatisfy(other -> assertThat(other.getOrders()).anySatisfy(otherOrder -> {
                                    assertThat(otherOrder.getOrderId()).isEqualTo(order.getOrderId());
                                    assertThat(otherOrder.getContradictions()).contains(sentence);
                                })));
            }
        }
    }

    @Property
    void anOrderThatAgreesWithItselfAndTheDatesReportsNothing(@ForAll("cases") final Case given) {
        final List<PolicyEvent> exactOnly = given.events().stream()
                .filter(event -> !DateClaim.stated(event).isBounded()).toList();
        final List<String> byDate = exactOnly.stream()
                .sorted(Comparator.comparing(event -> DateClaim.stated(event).latestDay()))
                .map(PolicyEvent::getEventId).toList();
        final boolean strictlyOrdered = IntStream.range(1, exactOnly.size()).allMatch(i ->
                exactOnly.stream().filter(e -> e.getEventId().equals(byDate.get(i - 1))).findFirst().orElseThrow()
                        .getEventDate().getDate().isBefore(exactOnly.stream()
                                .filter(e -> e.getEventId().equals(byDate.get(i))).findFirst().orElseThrow()
                                .getEventDate().getDate()));
        if (byDate.size() < 2 || !strictlyOrdered) {
            return;
        }
        final StatedOrder agreeing = new StatedOrder("agreeing", "s", "q", null,
                byDate.stream().map(List::of).toList());

        OrderResolution.resolve(exactOnly, List.of(agreeing))
                .forEach(event -> assertThat(event.getOrders().get(0).getContradictions()).isEmpty());
    }

    private static Map<String, PolicyEvent> byId(final List<PolicyEvent> events) {
        return events.stream().collect(Collectors.toMap(PolicyEvent::getEventId, Function.identity()));
    }

    @Provide
    Arbitrary<Case> cases() {
        final Arbitrary<List<PolicyEvent>> events = claim().list().ofMinSize(2).ofMaxSize(6).map(claims ->
                IntStream.range(0, claims.size()).mapToObj(i -> event("e" + i, "EU:C" + i, SDP, SIGNED, "2024")
                        .setEventDate(claims.get(i).exact()).setDateBounds(claims.get(i).bounds()).build()).toList());
        return events.flatMap(list -> order(list.size()).list().ofMaxSize(3).map(orders -> {
            final List<StatedOrder> named = IntStream.range(0, orders.size()).mapToObj(i -> new StatedOrder("o" + i,
                    "s", "q", null, orders.get(i).groups())).toList();
            return new Case(list, named);
        }));
    }

    private static Arbitrary<DateClaim> claim() {
        final Arbitrary<String> date = Arbitraries.of(DATES);
        final Arbitrary<DateClaim> exact = date.map(DateClaim::parse);
        final Arbitrary<DateClaim> bounded = Combinators.combine(date.injectNull(0.3), date.injectNull(0.3))
                .as((from, to) -> from == null && to == null ? null : "[" + (from == null ? "" : from) + ".."
                        + (to == null ? "" : to) + "]")
                .filter(text -> text != null)
                .filter(text -> {
                    try {
                        DateClaim.parse(text);
                        return true;
                    } catch (final IllegalArgumentException e) {
                        return false;
                    }
                })
                .map(DateClaim::parse);
        return Arbitraries.oneOf(exact, bounded);
    }

    /** A random order over some of the events e0..e(n-1), in groups. */
    private static Arbitrary<StatedOrder> order(final int events) {
        return Arbitraries.integers().between(0, events - 1).list().ofMinSize(2).ofMaxSize(events).uniqueElements()
                .flatMap(steps -> Arbitraries.integers().between(1, 2).list().ofSize(steps.size()).map(sizes -> {
                    final List<List<String>> groups = new ArrayList<>();
                    int at = 0;
                    for (final int size : sizes) {
                        if (at >= steps.size()) {
                            break;
                        }
                        final int end = Math.min(steps.size(), at + size);
                        groups.add(steps.subList(at, end).stream().map(i -> "e" + i).toList());
                        at = end;
                    }
                    return groups;
                }))
                .filter(groups -> groups.size() >= 2)
                .map(groups -> new StatedOrder("o", "s", "q", null, groups));
    }
}
