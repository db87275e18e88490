package eu.partnershiptracker.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory registries behind {@code schema.registry.url=mock://scope}, one per scope name and shared by every
 * serde configured with that scope, like Confluent's MockSchemaRegistry. Lets TopologyTestDriver tests run without HTTP.
 */
public final class MockSchemaRegistry {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private MockSchemaRegistry() {
    }

    /** Forgets every subject and schema of {@code scope}; serdes configured afterwards start from an empty registry. */
    public static void dropScope(final String scope) {
        SCOPES.remove(Objects.requireNonNull(scope, "scope"));
    }

    static InMemorySchemaRegistry forScope(final String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }
}
