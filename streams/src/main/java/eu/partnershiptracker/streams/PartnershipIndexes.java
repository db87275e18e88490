package eu.partnershiptracker.streams;

import eu.partnershiptracker.core.index.PartnershipIndex;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.processor.TaskId;

/**
 * The in-memory indexes of the partnerships whose tasks run in this instance, published for the query layer: each
 * processor rebuilds its task's share from the rows after restore and replaces a partnership's index, an immutable
 * object, after each accepted event; a task that closes (a rebalance) takes its share away until it opens again.
 * Readers see each partnership's last published index, never one half-updated.
 */
public final class PartnershipIndexes {

    private final Map<TaskId, Map<String, PartnershipIndex>> byTask = new ConcurrentHashMap<>();

    /** The partnership's index, if one of this instance's tasks holds it. */
    public Optional<PartnershipIndex> find(final String partnership) {
        Objects.requireNonNull(partnership, "partnership");
        for (final Map<String, PartnershipIndex> task : byTask.values()) {
            final PartnershipIndex index = task.get(partnership);
            if (index != null) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /** Every partnership's index this instance holds, for snapshots. */
    public void forEach(final BiConsumer<String, PartnershipIndex> action) {
        byTask.values().forEach(task -> task.forEach(action));
    }

    /**
     * The indexes of one partition's partnerships, read-only and kept current, if this instance's task of it has
     * published them: empty while the task restores or after it moved away, and on a standby, which runs no processor.
     */
    public Optional<Map<String, PartnershipIndex>> partition(final int partition) {
        for (final Map.Entry<TaskId, Map<String, PartnershipIndex>> task : byTask.entrySet()) {
            if (task.getKey().partition() == partition) {
                return Optional.of(Collections.unmodifiableMap(task.getValue()));
            }
        }
        return Optional.empty();
    }

    /** Publishes a task's share, built whole, which its processor then updates as events are accepted. */
    void openTask(final TaskId task, final ConcurrentHashMap<String, PartnershipIndex> share) {
        byTask.put(Objects.requireNonNull(task, "task"), Objects.requireNonNull(share, "share"));
    }

    void closeTask(final TaskId task) {
        byTask.remove(task);
    }
}
