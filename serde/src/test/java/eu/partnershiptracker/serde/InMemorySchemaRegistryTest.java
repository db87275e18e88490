package eu.partnershiptracker.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private static final Schema V3_WITHOUT_DEFAULT = SchemaBuilder.record("Milestone")
            .namespace("eu.partnershiptracker.serde").fields()
            .requiredString("name").requiredString("status").requiredString("owner").endRecord();

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry("unit");

    @Test
    void numbersIdsGloballyAndVersionsPerSubject() {
        final int v1 = registry.register("milestones-value", Milestone.V1);
        final int v2 = registry.register("milestones-value", Milestone.SCHEMA$);

        assertThat(v1).isEqualTo(1);
        assertThat(v2).isEqualTo(2);
        assertThat(registry.latest("milestones-value"))
                .isEqualTo(new RegisteredSchema("milestones-value", 2, 2, Milestone.SCHEMA$));
        assertThat(registry.schemaById(1)).isEqualTo(Milestone.V1);
    }

    @Test
    void registrationIsIdempotentAndASchemaKeepsItsIdAcrossSubjects() {
        final int first = registry.register("a-value", Milestone.V1);

        assertThat(registry.register("a-value", Milestone.V1)).isEqualTo(first);
        assertThat(registry.register("b-value", Milestone.V1)).isEqualTo(first);
        assertThat(registry.latest("b-value").version()).isEqualTo(1);
        assertThat(registry.idOf("b-value", Milestone.V1)).isEqualTo(first);
    }

    @Test
    void refusesABackwardIncompatibleVersionWithConfluentsCode() {
        registry.register("milestones-value", Milestone.SCHEMA$);

        assertThat(registry.isCompatibleWithLatest("milestones-value", V3_WITHOUT_DEFAULT)).isFalse();
        assertThatThrownBy(() -> registry.register("milestones-value", V3_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.INCOMPATIBLE))
                .hasMessageContaining("incompatible");
        assertThat(registry.latest("milestones-value").version()).isEqualTo(1);
    }

    @Test
    void acceptsAnAddedFieldWithADefault() {
        registry.register("milestones-value", Milestone.V1);

        assertThat(registry.isCompatibleWithLatest("milestones-value", Milestone.SCHEMA$)).isTrue();
        assertThat(registry.isCompatibleWithLatest("new-subject-value", V3_WITHOUT_DEFAULT)).isTrue();
    }

    @Test
    void answersNotFoundWithConfluentsCodes() {
        registry.register("milestones-value", Milestone.V1);

        assertThatThrownBy(() -> registry.schemaById(99))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.idOf("milestones-value", Milestone.SCHEMA$))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SCHEMA_NOT_FOUND));
        assertThatThrownBy(() -> registry.latest("unknown-value"))
                .isInstanceOfSatisfying(RegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(RegistryException.SUBJECT_NOT_FOUND))
                .hasMessageContaining("mock://unit");
    }

    @Test
    void aScopeIsSharedUntilDropped() {
        final InMemorySchemaRegistry scoped = MockSchemaRegistry.forScope("shared-scope");
        scoped.register("milestones-value", Milestone.V1);

        assertThat(MockSchemaRegistry.forScope("shared-scope")).isSameAs(scoped);
        MockSchemaRegistry.dropScope("shared-scope");
        assertThatThrownBy(() -> MockSchemaRegistry.forScope("shared-scope").latest("milestones-value"))
                .isInstanceOf(RegistryException.class);
    }
}
