package eu.partnershiptracker.producer.eventfiles;

import eu.partnershiptracker.core.PartnershipKey;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.PolicyEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Checks a whole run of events against itself and against what the events topic already holds, and works out what
 * is new.
 *
 * <p>An event's id is its identity: the same id with the same content is the same event (skipped, which is what makes
 * re-publishing idempotent), while the same id with other content is an error, because downstream would have to guess
 * which one is true. Changes to a published event go through a new event that {@code corrects} or {@code retracts} it.
 */
public final class EventSetValidator {

    /** The events of a run that are not on the topic yet, ordered so that every correction follows its target. */
    public record Plan(List<SourcedEvent> toPublish, int alreadyPublished, int derivedDiffer) {

        public Plan {
            toPublish = List.copyOf(toPublish);
        }
    }

    /**
     * Validates the run.
     *
     * @param run       the events read from the files, in file order
     * @param published the events already on the topic, by id
     * @throws ValidationException listing every problem, when there is any
     */
    public Plan plan(final List<SourcedEvent> run, final Map<String, PolicyEvent> published)
            throws ValidationException {
        return check(run, Objects.requireNonNull(published, "published"), true);
    }

    /**
     * Validates the run without knowing what the topic holds, as far as that is possible: a correction whose target
     * is not in the run is let through here, and {@link #plan} checks it against the topic.
     */
    public Plan checkOffline(final List<SourcedEvent> run) throws ValidationException {
        return check(run, Map.of(), false);
    }

    private Plan check(final List<SourcedEvent> run, final Map<String, PolicyEvent> published,
            final boolean topicKnown) throws ValidationException {
        Objects.requireNonNull(run, "run");
        final List<Problem> problems = new ArrayList<>();
        final Map<String, SourcedEvent> distinct = new LinkedHashMap<>();
        int alreadyPublished = 0;
        int derivedDiffer = 0;
        for (final SourcedEvent candidate : run) {
            final String id = candidate.event().getEventId();
            final SourcedEvent earlier = distinct.get(id);
            final PolicyEvent onTopic = published.get(id);
            if (earlier != null) {
                if (!earlier.event().equals(candidate.event())) {
                    problems.add(Problem.inEvent(candidate.location(), "id", "duplicate id '" + id
                            + "' with different content; it is first used at " + earlier.location().describe()));
                }
            } else if (onTopic != null) {
                if (StatedContent.same(onTopic, candidate.event())) {
                    alreadyPublished++;
                    derivedDiffer += onTopic.equals(candidate.event()) ? 0 : 1;
                } else {
                    problems.add(Problem.inEvent(candidate.location(), "id", "id '" + id
                            + "' is already published with different content; publish a new event that"
                            + " 'corrects' it instead of changing it"));
                }
            } else {
                distinct.put(id, candidate);
            }
        }
        for (final SourcedEvent event : distinct.values()) {
            checkCorrectionTarget(event, distinct, published, topicKnown, problems);
        }
        final List<SourcedEvent> ordered = targetsFirst(distinct, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Plan(ordered, alreadyPublished, derivedDiffer);
    }

    private static void checkCorrectionTarget(final SourcedEvent event, final Map<String, SourcedEvent> run,
            final Map<String, PolicyEvent> published, final boolean topicKnown, final List<Problem> problems) {
        final Correction correction = event.event().getCorrection();
        if (correction == null) {
            return;
        }
        final String field = correctionField(correction);
        final String targetId = correction.getTargetEventId();
        final PolicyEvent target = run.containsKey(targetId) ? run.get(targetId).event() : published.get(targetId);
        if (targetId.equals(event.event().getEventId())) {
            problems.add(Problem.inEvent(event.location(), field, "an event cannot correct or retract itself"));
        } else if (target == null && topicKnown) {
            problems.add(Problem.inEvent(event.location(), field, "unknown event '" + targetId
                    + "': it is neither in this run nor already published"));
        } else if (target != null && !PartnershipKey.of(target).equals(event.partnershipKey())) {
            problems.add(Problem.inEvent(event.location(), field, "event '" + targetId + "' belongs to partnership "
                    + PartnershipKey.of(target) + ", not " + event.partnershipKey()));
        }
    }

    private static String correctionField(final Correction correction) {
        return switch (correction.getType()) {
            case CORRECTS -> "corrects";
            case RETRACTS -> "retracts";
        };
    }

    /**
     * Orders events so that a correction is never sent before the event it corrects. Downstream copes with either
     * order, but a log whose corrections follow their targets is easier for every other reader.
     */
    private static List<SourcedEvent> targetsFirst(final Map<String, SourcedEvent> events,
            final List<Problem> problems) {
        final List<SourcedEvent> ordered = new ArrayList<>(events.size());
        final Map<String, SourcedEvent> pending = new LinkedHashMap<>(events);
        while (!pending.isEmpty()) {
            final int before = pending.size();
            pending.values().removeIf(event -> {
                final Correction correction = event.event().getCorrection();
                if (correction == null || !pending.containsKey(correction.getTargetEventId())) {
                    ordered.add(event);
                    return true;
                }
                return false;
            });
            if (pending.size() == before) {
                pending.values().forEach(event -> problems.add(Problem.inEvent(event.location(),
                        correctionField(event.event().getCorrection()),
                        "corrections form a cycle: each of these events corrects or retracts another of them")));
                pending.clear();
            }
        }
        return ordered;
    }
}
