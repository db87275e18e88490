package eu.partnershiptracker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import eu.partnershiptracker.testing.ProjectFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the Dockerfile and .gitattributes to what a reproducible build on any host needs: BuildKit made explicit for
 * the cache mount, base images by exact tag, no stray VOLUME, and the shell scripts kept in LF on a Windows checkout.
 */
class DockerfileTest {

    private static List<String> dockerfile;

    @BeforeAll
    static void readTheDockerfile() throws IOException {
        dockerfile = Files.readAllLines(ProjectFiles.root().resolve("Dockerfile"));
    }

    @Test
    void asksForBuildKitOnItsFirstLine() {
        assertThat(dockerfile.get(0)).isEqualTo("# syntax=docker/dockerfile:1");
        assertThat(dockerfile).anySatisfy(line -> assertThat(line).contains("--mount=type=cache"));
    }

    @Test
    void buildsFromBaseImagesByExactTag() {
        final List<String> bases = dockerfile.stream().filter(line -> line.startsWith("FROM ")).toList();
        // An exact tag names the JDK update and build and the OS release, e.g. 17.0.16_8-jre-noble.
        assertThat(bases).hasSize(2).allSatisfy(line -> assertThat(line)
                .matches("FROM [a-z0-9./-]+:\\d+\\.\\d+\\.\\d+(\\.\\d+)?_\\d+-(jdk|jre)-[a-z]+( AS [a-z]+)?"));
    }

    @Test
    void declaresNoVolume() {
        assertThat(dockerfile).noneSatisfy(line -> assertThat(line.strip()).startsWithIgnoringCase("VOLUME"));
    }

    @Test
    void keepsTheShellScriptsInLf() throws IOException {
        final List<String> attributes = Files.readAllLines(ProjectFiles.root().resolve(".gitattributes")).stream()
                .map(line -> line.strip().replaceAll("\\s+", " ")).toList();
        assertThat(attributes).contains("mvnw text eol=lf", "tracker text eol=lf");
    }
}
