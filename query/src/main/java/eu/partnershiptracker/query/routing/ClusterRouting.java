package eu.partnershiptracker.query.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.query.LocalStore;
import eu.partnershiptracker.query.MetadataService;
import eu.partnershiptracker.query.QueryUnavailableException;
import eu.partnershiptracker.query.TimelineQueries;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every instance answer every query. A query about one partnership is answered by the instance that owns it:
 * here, or forwarded there and relayed. A query over all partnerships is asked of every instance (each answering from
 * its own store) and the answers merged. A request marked {@link InstanceClient#LOCAL_ONLY_HEADER} is always answered
 * from the local store, so routing happens once.
 *
 * <p>When an instance goes (stopped, killed, or the group rebalancing after it left), answers do not wait for the group
 * to settle: a partnership whose owner does not answer is read from a standby copy, here or on the instance holding
 * one, and a query over all partnerships from this instance's copies when it holds one of every partition. Such
 * answers may lag behind the log and carry {@link InstanceClient#STALE_HEADER}; only when no copy can be read is the
 * answer 503.
 */
public final class ClusterRouting {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRouting.class);

    private final MetadataService metadata;
    private final LocalStore local;
    private final InstanceClient instances;
    private final ObjectMapper mapper;
    private final String self;

    public ClusterRouting(final MetadataService metadata, final LocalStore local, final InstanceClient instances,
            final ObjectMapper mapper) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.local = Objects.requireNonNull(local, "local");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.self = InstanceClient.describe(metadata.self());
    }

    /**
     * Answers a query about the partnership {@code key} where it lives: its owner, else a standby copy (marked stale).
     *
     * @param query the answer, from queries over the store that holds the partnership
     */
    public void answerForKey(final Context ctx, final String key, final Function<TimelineQueries, Object> query) {
        final KeyQueryMetadata where = metadata.locate(key);
        if (isLocalOnly(ctx)) {
            answerLocally(ctx, where.partition(), query);
            return;
        }
        final HostInfo owner = where.activeHost();
        if (!owner.equals(metadata.self()) && !HostInfo.unavailable().equals(owner)
                && relayed(ctx, owner, key)) {
            return;
        }
        try {
            answerLocally(ctx, where.partition(), query);
            return;
        } catch (final QueryUnavailableException noCopyHere) {
            LOG.debug("no local copy of {}: {}", key, noCopyHere.getMessage());
        }
        for (final HostInfo standby : where.standbyHosts()) {
            if (!standby.equals(metadata.self()) && relayed(ctx, standby, key)) {
                return;
            }
        }
        throw new QueryUnavailableException("no instance holding partnership " + key + " answered (owner "
                + InstanceClient.describe(owner) + ", standbys " + where.standbyHosts().stream()
                .map(InstanceClient::describe).toList() + "); retry in a moment");
    }

    /**
     * Answers a query over all partnerships by merging every instance's local answer: each instance is asked for its
     * share, read back into {@code type}, and {@code merge} makes the one answer of them. When a share cannot be had,
     * this instance answers alone from its copies of every partition, if it holds them, marked stale.
     */
    public <T> void answerForAll(final Context ctx, final Function<TimelineQueries, T> query, final Class<T> type,
            final Function<List<T>, T> merge) {
        if (isLocalOnly(ctx)) {
            answer(ctx, query.apply(local.queries()));
            return;
        }
        final T merged;
        try {
            merged = merged(ctx, query, type, merge);
        } catch (final QueryUnavailableException shareMissing) {
            final LocalStore.Copy copies = local.everyPartition(metadata.partitions()).orElseThrow(() -> shareMissing);
            LOG.debug("answering {} from local copies: {}", ctx.path(), shareMissing.getMessage());
            ctx.header(InstanceClient.STALE_HEADER, "true");
            answer(ctx, query.apply(copies.queries()));
            return;
        }
        answer(ctx, merged);
    }

    private <T> T merged(final Context ctx, final Function<TimelineQueries, T> query, final Class<T> type,
            final Function<List<T>, T> merge) {
        final List<CompletableFuture<InstanceClient.Reply>> others = new ArrayList<>();
        for (final HostInfo instance : metadata.allInstances()) {
            if (!instance.equals(metadata.self())) {
                others.add(instances.get(instance, pathAndQuery(ctx)));
            }
        }
        final List<T> shares = new ArrayList<>();
        shares.add(query.apply(local.queries()));
        boolean stale = false;
        for (final CompletableFuture<InstanceClient.Reply> other : others) {
            final InstanceClient.Reply reply = join(other);
            shares.add(parse(reply, type));
            stale |= reply.stale();
        }
        if (stale) {
            ctx.header(InstanceClient.STALE_HEADER, "true");
        }
        return merge.apply(shares);
    }

    private void answerLocally(final Context ctx, final int partition, final Function<TimelineQueries, Object> query) {
        final LocalStore.Copy copy = local.partition(partition);
        final Object body = query.apply(copy.queries());
        if (copy.stale()) {
            ctx.header(InstanceClient.STALE_HEADER, "true");
        }
        answer(ctx, body);
    }

    /** Relays the instance's answer unless it could not answer (unreachable, or 503): then false. */
    private boolean relayed(final Context ctx, final HostInfo instance, final String key) {
        final InstanceClient.Reply reply;
        try {
            reply = join(instances.get(instance, pathAndQuery(ctx)));
        } catch (final QueryUnavailableException unreachable) {
            LOG.debug("{} did not answer for {}: {}", InstanceClient.describe(instance), key, unreachable.getMessage());
            return false;
        }
        if (reply.status() == 503) {
            return false;
        }
        relay(ctx, reply);
        return true;
    }

    /**
     * Writes the answer as Jackson walks it, straight to the response, in the shape {@code ctx.json} gives: a snapshot
     * of every partnership is never held as one String or tree besides the answer itself.
     */
    private void answer(final Context ctx, final Object body) {
        ctx.header(InstanceClient.ANSWERED_BY_HEADER, self).contentType(ContentType.APPLICATION_JSON);
        try (OutputStream response = ctx.outputStream()) {
            mapper.writeValue(response, body);
        } catch (final IOException e) {
            throw new UncheckedIOException("could not write the answer to " + ctx.path(), e);
        }
    }

    private static void relay(final Context ctx, final InstanceClient.Reply reply) {
        if (reply.stale()) {
            ctx.header(InstanceClient.STALE_HEADER, "true");
        }
        ctx.status(reply.status())
                .header(InstanceClient.ANSWERED_BY_HEADER, reply.answeredBy())
                .contentType(ContentType.APPLICATION_JSON)
                .result(reply.body());
    }

    private <T> T parse(final InstanceClient.Reply reply, final Class<T> type) {
        if (reply.status() != 200) {
            throw new QueryUnavailableException("instance " + reply.answeredBy() + " answered " + reply.status()
                    + ": " + reply.body());
        }
        try {
            return mapper.readValue(reply.body(), type);
        } catch (final JsonProcessingException e) {
            throw new QueryUnavailableException("instance " + reply.answeredBy() + " answered unreadable JSON", e);
        }
    }

    private static InstanceClient.Reply join(final CompletableFuture<InstanceClient.Reply> reply) {
        try {
            return reply.join();
        } catch (final CompletionException e) {
            if (e.getCause() instanceof QueryUnavailableException unavailable) {
                throw unavailable;
            }
            throw e;
        }
    }

    private static boolean isLocalOnly(final Context ctx) {
        return "true".equalsIgnoreCase(ctx.header(InstanceClient.LOCAL_ONLY_HEADER));
    }

    private static String pathAndQuery(final Context ctx) {
        final String query = ctx.queryString();
        return ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
    }
}
