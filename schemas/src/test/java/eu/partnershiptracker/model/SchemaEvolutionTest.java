package eu.partnershiptracker.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every published schema must stay BACKWARD compatible with every version kept in {@code schemas/history}: a consumer
 * on the current schema must read every record ever written. The registry enforces the same rule at registration;
 * this test catches a breaking change before it reaches a registry.
 */
class SchemaEvolutionTest {

    private static final Path HISTORY = Path.of("history");

    static Stream<Schema> topLevelSchemas() {
        return Stream.of(PolicyEvent.getClassSchema(), PartnershipState.getClassSchema(),
                PartnershipChange.getClassSchema(), PartnershipInstrument.getClassSchema());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topLevelSchemas")
    void currentSchemaReadsEveryKeptVersion(final Schema current) throws IOException {
        final List<Path> versions = versions(current);
        assertThat(versions).as("schemas/history/%s must keep at least v1", current.getName()).isNotEmpty();
        for (final Path version : versions) {
            final Schema old = new Schema.Parser().parse(version.toFile());
            final SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(current, old);
            assertThat(result.getType())
                    .as("%s cannot read data written with %s: %s", current.getName(), version, result.getResult())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("topLevelSchemas")
    void newestKeptVersionIsTheCurrentSchema(final Schema current) throws IOException {
        final List<Path> versions = versions(current);
        final Path newest = versions.get(versions.size() - 1);
        assertThat(new Schema.Parser().parse(newest.toFile()))
                .as("the schema of %s changed: keep it as schemas/history/%s/v%d.avsc with this content:%n%s",
                        current.getName(), current.getName(), versions.size() + 1, current.toString(true))
                .isEqualTo(current);
    }

    @Test
    void theCheckRejectsABreakingChange() {
        final Schema old = PolicyEvent.getClassSchema();
        final Schema breaking = SchemaBuilder.record(old.getName()).namespace(old.getNamespace()).fields()
                .requiredString("eventId")
                .requiredString("mandatoryNewField")
                .endRecord();

        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(breaking, old).getType())
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static List<Path> versions(final Schema schema) throws IOException {
        final Path dir = HISTORY.resolve(schema.getName());
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("v\\d+\\.avsc"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(
                            p.getFileName().toString().replaceAll("\\D", ""))))
                    .toList();
        }
    }
}
