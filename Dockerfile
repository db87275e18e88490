# syntax=docker/dockerfile:1
# Partnership Tracker: the application jar (serve, publish, validate, state, changes, report) in a JRE image. It is
# built from the cli module, which holds no Kafka broker: the embedded broker is the demo's alone.
#   docker build -t partnership-tracker .
#   docker run --rm -p 8080:8080 -e KAFKA_BOOTSTRAP_SERVERS=... -e SCHEMA_REGISTRY_URL=... partnership-tracker
# The syntax line above makes BuildKit explicit: the cache mount below needs it. Base images carry exact tags (JDK
# update and OS release) so that a rebuild next month gives the same runtime; both stages use the same JDK build.

FROM eclipse-temurin:17.0.16_8-jdk-noble AS build
WORKDIR /src
COPY . .
# The wrapper pins Maven as everywhere else (it downloads it, so the build needs the network); the cache mount keeps
# Maven and the dependencies between builds. mdep.skip: the unpacked Apicurio Registry is only for tests and the
# local demo, not for this image.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -Dmdep.skip=true -pl cli -am package

FROM eclipse-temurin:17.0.16_8-jre-noble
RUN groupadd --system tracker && useradd --system --gid tracker --home-dir /app tracker \
    && mkdir -p /app/state && chown tracker:tracker /app/state
WORKDIR /app
COPY --from=build /src/cli/target/partnership-tracker.jar /app/partnership-tracker.jar
# The curated dataset, for the one-shot publisher: `publish data/events`.
COPY --from=build /src/data /app/data
USER tracker
# The state directory is mounted where it matters (compose's tracker-state volume); no VOLUME here, which would give
# every other container of this image, the publisher among them, an anonymous volume left behind after `down`.
ENV TRACKER_STATE_DIR=/app/state
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/partnership-tracker.jar"]
CMD ["serve"]
