package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.core.orders.OrderResolution;
import eu.partnershiptracker.core.orders.StatedOrder;
import eu.partnershiptracker.model.PolicyEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way event files are read and checked: {@code validate}, {@code publish}, the demo and the quality report all
 * come through here, so a file that one accepts, every other accepts too, and all of them see the same events.
 *
 * <p>The checks that need no cluster all happen here: every field of every event, then the events of the run against
 * each other (duplicate ids, correction targets, cycles), then the stated orders against the events. Whether a
 * correction's target is on the events topic is for the publisher to check, against the topic.
 *
 * <p>Stated orders are resolved here too, once ({@link OrderResolution}): every event leaves with the order bounds and
 * the orders that name it, as it is published.
 */
public final class EventFiles {

    private final EventFileReader reader;
    private final EventSetValidator validator = new EventSetValidator();

    public EventFiles(final ReferenceData reference) {
        this.reader = new EventFileReader(Objects.requireNonNull(reference, "reference"));
    }

    /** Event files checked against the codes of data/reference, which ship in the jar. */
    public static EventFiles bundled() {
        return new EventFiles(ReferenceData.bundled());
    }

    /**
     * Reads files, or every {@code *.yaml} / {@code *.yml} file below directories, checks them and resolves their
     * stated orders.
     *
     * @return every event, in file order, with where it came from
     * @throws ValidationException listing every problem found, in every file
     */
    public List<SourcedEvent> check(final List<Path> inputs) throws ValidationException {
        Objects.requireNonNull(inputs, "inputs");
        final List<SourcedEvent> events = new ArrayList<>();
        final List<SourcedOrder> orders = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        for (final Path input : inputs) {
            final EventFileReader.Result result = reader.read(input);
            events.addAll(result.events());
            orders.addAll(result.orders());
            problems.addAll(result.problems());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        validator.checkOffline(events);
        checkOrders(orders, events);
        return resolveOrders(events, orders);
    }

    /**
     * An order's steps must be events of the run, and the same step of instruments of one type (all SDP SIGNED): only
     * then does "before" mean one thing for all of them.
     */
    private static void checkOrders(final List<SourcedOrder> orders, final List<SourcedEvent> events)
            throws ValidationException {
        final Map<String, PolicyEvent> byId = new HashMap<>();
        events.forEach(event -> byId.put(event.event().getEventId(), event.event()));
        final List<Problem> problems = new ArrayList<>();
        final Set<String> ids = new HashSet<>();
        for (final SourcedOrder sourced : orders) {
            final StatedOrder order = sourced.order();
            if (!ids.add(order.id())) {
                problems.add(sourced.problem("id", "duplicate order id '" + order.id() + "'"));
            }
            PolicyEvent first = null;
            for (final String step : order.steps()) {
                final PolicyEvent event = byId.get(step);
                if (event == null) {
                    problems.add(sourced.problem("steps", "unknown event '" + step + "'"));
                } else if (first == null) {
                    first = event;
                } else if (event.getInstrument() != first.getInstrument() || event.getKind() != first.getKind()) {
                    problems.add(sourced.problem("steps", "'" + step + "' is " + event.getInstrument() + " "
                            + event.getKind() + " but '" + first.getEventId() + "' is " + first.getInstrument() + " "
                            + first.getKind() + ": an order compares one step of instruments of one type"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private static List<SourcedEvent> resolveOrders(final List<SourcedEvent> events, final List<SourcedOrder> orders) {
        final List<PolicyEvent> resolved = OrderResolution.resolve(events.stream().map(SourcedEvent::event).toList(),
                orders.stream().map(SourcedOrder::order).toList());
        final List<SourcedEvent> located = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            located.add(new SourcedEvent(resolved.get(i), events.get(i).location()));
        }
        return located;
    }
}
