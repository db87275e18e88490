package eu.partnershiptracker.query.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.partnershiptracker.query.MetadataService;
import eu.partnershiptracker.query.QueryUnavailableException;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Makes every instance answer every query. A query about one partnership is answered by the instance that owns it:
 * here, or forwarded there and relayed. A query over all partnerships is asked of every instance (each answering from
 * its own store) and the answers merged. A request marked {@link InstanceClient#LOCAL_ONLY_HEADER} is always answered
 * from the local store, so routing happens once.
 */
public final class ClusterRouting {

    private final MetadataService metadata;
    private final InstanceClient instances;
    private final ObjectMapper mapper;
    private final String self;

    public ClusterRouting(final MetadataService metadata, final InstanceClient instances, final ObjectMapper mapper) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.self = InstanceClient.describe(metadata.self());
    }

    /** Answers a query about the partnership {@code key} where it lives. */
    public void answerForKey(final Context ctx, final String key, final Supplier<Object> local) {
        if (!isLocalOnly(ctx)) {
            final HostInfo owner = metadata.ownerOf(key);
            if (!owner.equals(metadata.self())) {
                relay(ctx, join(instances.get(owner, pathAndQuery(ctx))));
                return;
            }
        }
        answer(ctx, local.get());
    }

    /**
     * Answers a query over all partnerships by merging every instance's local answer: each instance is asked for its
     * share, read back into {@code type}, and {@code merge} makes the one answer of them.
     */
    public <T> void answerForAll(final Context ctx, final Supplier<T> local, final Class<T> type,
            final Function<List<T>, T> merge) {
        if (isLocalOnly(ctx)) {
            answer(ctx, local.get());
            return;
        }
        final List<CompletableFuture<InstanceClient.Reply>> others = new ArrayList<>();
        for (final HostInfo instance : metadata.allInstances()) {
            if (!instance.equals(metadata.self())) {
                others.add(instances.get(instance, pathAndQuery(ctx)));
            }
        }
        final List<T> shares = new ArrayList<>();
        shares.add(local.get());
        for (final CompletableFuture<InstanceClient.Reply> other : others) {
            shares.add(parse(join(other), type));
        }
        answer(ctx, merge.apply(shares));
    }

    private void answer(final Context ctx, final Object body) {
        ctx.header(InstanceClient.ANSWERED_BY_HEADER, self).json(body);
    }

    private static void relay(final Context ctx, final InstanceClient.Reply reply) {
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
