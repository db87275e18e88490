# Partnership Tracker: the application jar (serve, publish, validate, state, changes, report) in a JRE image. It is
# built from the cli module, which holds no Kafka broker: the embedded broker is the demo's alone.
#   docker build -t partnership-tracker .
#   docker run --rm -p 8080:8080 -e KAFKA_BOOTSTRAP_SERVERS=... -e SCHEMA_REGISTRY_URL=... partnership-tracker

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# The wrapper pins Maven as everywhere else; the cache mount keeps downloaded dependencies between builds.
# mdep.skip: the unpacked Apicurio Registry is only for tests and the local demo, not for this image.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -q -DskipTests -Dmdep.skip=true -pl cli -am package

FROM eclipse-temurin:17-jre
RUN groupadd --system tracker && useradd --system --gid tracker --home-dir /app tracker \
    && mkdir -p /app/state && chown tracker:tracker /app/state
WORKDIR /app
COPY --from=build /src/cli/target/partnership-tracker.jar /app/partnership-tracker.jar
# The curated dataset, for the one-shot publisher: `publish data/events`.
COPY --from=build /src/data /app/data
USER tracker
ENV TRACKER_STATE_DIR=/app/state
VOLUME /app/state
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/partnership-tracker.jar"]
CMD ["serve"]
