package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CachingSchemaRegistryTest {

    /** Records which calls reach the registry behind the cache. */
    private static final class CallLog implements SchemaRegistry {
        private final SchemaRegistry target = new InMemorySchemaRegistry("calls");
        private final List<String> calls = new ArrayList<>();

        @Override
        public int register(final String subject, final Schema schema) {
            calls.add("register " + subject);
            return target.register(subject, schema);
        }

        @Override
        public int idOf(final String subject, final Schema schema) {
            calls.add("idOf " + subject);
            return target.idOf(subject, schema);
        }

        @Override
        public Schema schemaById(final int id) {
            calls.add("schemaById " + id);
            return target.schemaById(id);
        }

        @Override
        public RegisteredSchema latest(final String subject) {
            calls.add("latest " + subject);
            return target.latest(subject);
        }

        @Override
        public boolean isCompatibleWithLatest(final String subject, final Schema schema) {
            calls.add("compatibility " + subject);
            return target.isCompatibleWithLatest(subject, schema);
        }

        @Override
        public String location() {
            return target.location();
        }
    }

    private final CallLog backend = new CallLog();
    private final CachingSchemaRegistry cache = new CachingSchemaRegistry(backend);

    @Test
    void steadyStateMakesNoRegistryCalls() {
        final int id = cache.register("m-value", Milestone.V1);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.register("m-value", Milestone.V1)).isEqualTo(id);
            assertThat(cache.idOf("m-value", Milestone.V1)).isEqualTo(id);
            assertThat(cache.schemaById(id)).isEqualTo(Milestone.V1);
            assertThat(cache.latest("m-value").id()).isEqualTo(id);
        }

        assertThat(backend.calls).containsExactly("register m-value", "latest m-value");
    }

    @Test
    void cachesPerSubject() {
        cache.register("a-value", Milestone.V1);
        cache.register("b-value", Milestone.V1);

        assertThat(backend.calls).containsExactly("register a-value", "register b-value");
    }

    @Test
    void doesNotCacheFailures() {
        assertThatThrownBy(() -> cache.schemaById(1)).isInstanceOf(RegistryException.class);
        backend.target.register("m-value", Milestone.V1);

        assertThat(cache.schemaById(1)).isEqualTo(Milestone.V1);
        assertThat(backend.calls).containsExactly("schemaById 1", "schemaById 1");
    }
}
