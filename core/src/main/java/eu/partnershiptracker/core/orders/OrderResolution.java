package eu.partnershiptracker.core.orders;

import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.StepOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Resolves stated orders against the events' own dates, once, over all events and all orders: the one place where an
 * order becomes narrower bounds ({@link PolicyEvent#getOrderBounds()}) or a reported contradiction
 * ({@link StepOrder#getContradictions()}).
 *
 * <ul>
 * <li>A pair "a before b" contradicts the dates when b's latest possible day is before a's earliest; it contradicts
 *     another order that states "b before a". A contradicted pair narrows nothing and is reported on both steps.</li>
 * <li>Every other pair narrows bounded claims only, exact dates are never changed: b is no earlier than a's lower bound
 *     (a's exact date or notBefore, at its precision), a no later than b's upper bound. Narrowing repeats until nothing
 *     changes; it only ever takes bounds that some claim states, so it ends, and its result is the same in any input
 *     order.</li>
 * <li>If the orders together leave a step no day at all (a chain across orders whose ends disagree), none of its bounds
 *     are narrowed and each of its orders reports it.</li>
 * </ul>
 */
public final class OrderResolution {

    /** Of two lower bounds with the same first day, the finer one is kept, so that the result does not depend on order. */
    private static final Comparator<PartialDate> LOWER = Comparator.comparing(PartialDate::getDate)
            .thenComparing(PartialDate::getPrecision, Comparator.reverseOrder());
    private static final Comparator<PartialDate> UPPER = Comparator.comparing(PartialDates::lastDay)
            .thenComparing(PartialDate::getPrecision);

    private OrderResolution() {
    }

    /**
     * The events with their order bounds and stated orders set (replacing any they had), in the order given.
     *
     * @throws IllegalArgumentException when an order names an event that is not among the events
     */
    public static List<PolicyEvent> resolve(final List<PolicyEvent> events, final List<StatedOrder> orders) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(orders, "orders");
        final Map<String, PolicyEvent> byId = new LinkedHashMap<>();
        events.forEach(event -> byId.putIfAbsent(event.getEventId(), event));
        for (final StatedOrder order : orders) {
            order.steps().stream().filter(step -> !byId.containsKey(step)).findFirst().ifPresent(step -> {
                throw new IllegalArgumentException("order '" + order.id() + "' names an unknown event '" + step + "'");
            });
        }
        final Contradictions contradictions = contradictions(byId, orders);
        final Map<String, Span> spans = narrow(byId, orders, contradictions);
        final List<PolicyEvent> resolved = new ArrayList<>(events.size());
        for (final PolicyEvent event : events) {
            resolved.add(resolved(event, byId, orders, spans.get(event.getEventId()), contradictions));
        }
        return resolved;
    }

    private static PolicyEvent resolved(final PolicyEvent event, final Map<String, PolicyEvent> byId,
            final List<StatedOrder> orders, final Span span, final Contradictions contradictions) {
        final String id = event.getEventId();
        final List<StepOrder> stepOrders = orders.stream()
                .filter(order -> order.names(id))
                .sorted(Comparator.comparing(StatedOrder::id))
                .map(order -> StepOrder.newBuilder()
                        .setOrderId(order.id())
                        .setSource(order.source())
                        .setQuote(order.quote())
                        .setLocator(order.locator())
                        .setStated(stated(order, byId))
                        .setContradictions(new ArrayList<>(contradictions.of(order.id(), id)))
                        .build())
                .toList();
        final DateClaim stated = DateClaim.stated(event);
        final boolean narrowed = stated.isBounded() && !span.isEmpty()
                && !sameDays(DateClaim.bounded(span.lower(), span.upper()), stated);
        return PolicyEvent.newBuilder(event)
                .setOrderBounds(narrowed ? new DateBounds(span.lower(), span.upper()) : null)
                .setOrders(stepOrders)
                .build();
    }

    private static Contradictions contradictions(final Map<String, PolicyEvent> byId, final List<StatedOrder> orders) {
        final Contradictions found = new Contradictions();
        final Map<StatedOrder.Pair, Set<String>> orderIdsByPair = new HashMap<>();
        orders.forEach(order -> order.pairs().forEach(pair ->
                orderIdsByPair.computeIfAbsent(pair, p -> new TreeSet<>()).add(order.id())));
        for (final StatedOrder order : orders) {
            for (final StatedOrder.Pair pair : order.pairs()) {
                final PolicyEvent before = byId.get(pair.before());
                final PolicyEvent after = byId.get(pair.after());
                final DateClaim beforeClaim = DateClaim.stated(before);
                final DateClaim afterClaim = DateClaim.stated(after);
                if (afterClaim.latestDay().isBefore(beforeClaim.earliestDay())) {
                    found.add(order.id(), pair, "The order puts " + label(before) + " before " + label(after)
                            + ", but their stated dates say otherwise: " + label(before) + " " + beforeClaim + ", "
                            + label(after) + " " + afterClaim + ".");
                }
                for (final String other : orderIdsByPair.getOrDefault(pair.reversed(), Set.of())) {
                    found.add(order.id(), pair, "The order puts " + label(before) + " before " + label(after)
                            + ", but order '" + other + "' puts " + label(after) + " before " + label(before) + ".");
                }
            }
        }
        return found;
    }

    /** The bounds every step has once every uncontradicted pair has narrowed them as far as it can. */
    private static Map<String, Span> narrow(final Map<String, PolicyEvent> byId, final List<StatedOrder> orders,
            final Contradictions contradictions) {
        final Map<String, Span> spans = new HashMap<>();
        byId.forEach((id, event) -> spans.put(id, Span.of(DateClaim.stated(event))));
        final Set<StatedOrder.Pair> pairs = new HashSet<>();
        orders.forEach(order -> order.pairs().stream().filter(pair -> !contradictions.contradicted(pair))
                .forEach(pairs::add));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (final StatedOrder.Pair pair : pairs) {
                final Span before = spans.get(pair.before());
                final Span after = spans.get(pair.after());
                final Span later = after.noEarlierThan(before.lower());
                final Span earlier = before.noLaterThan(after.upper());
                if (!later.equals(after) || !earlier.equals(before)) {
                    spans.put(pair.after(), later);
                    spans.put(pair.before(), earlier);
                    changed = true;
                }
            }
        }
        spans.forEach((id, span) -> {
            if (span.isEmpty()) {
                orders.stream().filter(order -> order.names(id)).forEach(order -> contradictions.addOn(order.id(), id,
                        "The orders that name " + label(byId.get(id)) + " together leave it no day: no earlier than "
                                + PartialDates.format(span.lower()) + " and no later than "
                                + PartialDates.format(span.upper()) + "."));
            }
        });
        return spans;
    }

    private static boolean sameDays(final DateClaim one, final DateClaim other) {
        return one.earliestDay().equals(other.earliestDay()) && one.latestDay().equals(other.latestDay());
    }

    /** The order as text: "EU:NO SDP SIGNED < EU:MD SDP SIGNED < [EU:KR SDP SIGNED, ...]". */
    private static String stated(final StatedOrder order, final Map<String, PolicyEvent> byId) {
        return order.groups().stream()
                .map(group -> group.size() == 1 ? label(byId.get(group.get(0)))
                        : group.stream().map(step -> label(byId.get(step))).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(" < "));
    }

    /** A step named for a reader: "EU:NO SDP SIGNED". */
    static String label(final PolicyEvent event) {
        return PartnershipKey.of(event) + " " + event.getInstrument()
                + (event.getInstrumentKey() == null ? "" : " " + event.getInstrumentKey()) + " " + event.getKind();
    }

    /**
     * A step's possible days while orders narrow them. An exact date is fixed; a bounded one moves only inward. It may
     * become empty, which the caller reports instead of narrowing.
     */
    private record Span(PartialDate lower, PartialDate upper, boolean fixed) {

        static Span of(final DateClaim claim) {
            return claim.isBounded() ? new Span(claim.notBefore(), claim.notAfter(), false)
                    : new Span(claim.exact(), claim.exact(), true);
        }

        Span noEarlierThan(final PartialDate bound) {
            if (fixed || bound == null || lower != null && LOWER.compare(bound, lower) <= 0) {
                return this;
            }
            return new Span(bound, upper, false);
        }

        Span noLaterThan(final PartialDate bound) {
            if (fixed || bound == null || upper != null && UPPER.compare(bound, upper) >= 0) {
                return this;
            }
            return new Span(lower, bound, false);
        }

        boolean isEmpty() {
            return !DateClaim.allowsADay(lower, upper);
        }
    }

    /** The contradiction sentences found, by order and step, and the pairs they leave without effect. */
    private static final class Contradictions {

        private final Map<String, Map<String, Set<String>>> sentences = new HashMap<>();
        private final Set<StatedOrder.Pair> contradicted = new HashSet<>();

        void add(final String orderId, final StatedOrder.Pair pair, final String sentence) {
            contradicted.add(pair);
            contradicted.add(pair.reversed());
            addOn(orderId, pair.before(), sentence);
            addOn(orderId, pair.after(), sentence);
        }

        void addOn(final String orderId, final String eventId, final String sentence) {
            sentences.computeIfAbsent(orderId, id -> new HashMap<>())
                    .computeIfAbsent(eventId, id -> new TreeSet<>()).add(sentence);
        }

        boolean contradicted(final StatedOrder.Pair pair) {
            return contradicted.contains(pair);
        }

        Set<String> of(final String orderId, final String eventId) {
            return sentences.getOrDefault(orderId, Map.of()).getOrDefault(eventId, Set.of());
        }
    }
}
