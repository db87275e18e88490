package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads event files (format: docs/EVENT-FILES.md) into events, remembering where each one starts.
 *
 * <p>The file is read token by token rather than as one tree so that every event keeps its line number; each event
 * is then checked on its own by {@link EventParser} and named by {@link EventNaming}. Problems are collected, never
 * thrown one at a time, so a curator sees everything wrong with a file in one run.
 */
public final class EventFileReader {

    private final YAMLMapper yaml;
    private final EventParser parser;
    private final OrderParser orderParser = new OrderParser();
    private final EventNaming naming;

    public EventFileReader(final ReferenceData reference) {
        this.yaml = YamlFormat.mapper();
        this.parser = new EventParser(Objects.requireNonNull(reference, "reference"));
        this.naming = new EventNaming(reference);
    }

    /** What reading some files yielded: the well-formed events and stated orders, and everything that was wrong. */
    public record Result(List<SourcedEvent> events, List<SourcedOrder> orders, List<Problem> problems) {

        public Result {
            events = List.copyOf(events);
            orders = List.copyOf(orders);
            problems = List.copyOf(problems);
        }
    }

    /** Reads a file, or every {@code *.yaml} / {@code *.yml} file below a directory in path order. */
    public Result read(final Path fileOrDirectory) {
        Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
        final List<SourcedEvent> events = new ArrayList<>();
        final List<SourcedOrder> orders = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final List<Path> files;
        try {
            files = eventFiles(fileOrDirectory);
        } catch (final IOException e) {
            return new Result(List.of(), List.of(), List.of(Problem.inFile(fileOrDirectory, "cannot read: " + e.getMessage())));
        }
        if (files.isEmpty()) {
            problems.add(Problem.inFile(fileOrDirectory, "no event files (*.yaml, *.yml) found"));
        }
        for (final Path file : files) {
            readFile(file, events, orders, problems);
        }
        return new Result(events, orders, problems);
    }

    private static List<Path> eventFiles(final Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("no such file or directory");
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted(Comparator.naturalOrder())
                    .toList();
        }
    }

    private void readFile(final Path file, final List<SourcedEvent> events, final List<SourcedOrder> orders,
            final List<Problem> problems) {
        try (JsonParser tokens = yaml.createParser(file.toFile())) {
            if (tokens.nextToken() != JsonToken.START_OBJECT) {
                problems.add(Problem.inFile(file, "expected a mapping with an 'events' list at the top"));
                return;
            }
            ObjectNode defaults = yaml.createObjectNode();
            boolean sawEvents = false;
            while (tokens.nextToken() == JsonToken.FIELD_NAME) {
                final String name = tokens.currentName();
                final JsonLocation at = tokens.currentTokenLocation();
                tokens.nextToken();
                switch (name) {
                    case "defaults" -> defaults = readDefaults(file, tokens, at, problems);
                    case "events" -> {
                        sawEvents = true;
                        readEvents(file, tokens, defaults, events, problems);
                    }
                    case "orders" -> readOrders(file, tokens, defaults, orders, problems);
                    default -> {
                        problems.add(Problem.inFile(file, "line " + at.getLineNr() + ": unknown top-level key '"
                                + name + "' (expected 'defaults', 'events' and 'orders')"));
                        tokens.skipChildren();
                    }
                }
            }
            if (!sawEvents) {
                problems.add(Problem.inFile(file, "no 'events' list"));
            }
        } catch (final JsonProcessingException e) {
            final JsonLocation at = e.getLocation();
            final String line = at == null ? "" : "line " + at.getLineNr() + ": ";
            problems.add(Problem.inFile(file, line + "malformed YAML: " + e.getOriginalMessage()));
        } catch (final IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
    }

    private ObjectNode readDefaults(final Path file, final JsonParser tokens, final JsonLocation at,
            final List<Problem> problems) throws IOException {
        final JsonNode node = yaml.readTree(tokens);
        if (!(node instanceof ObjectNode defaults)) {
            problems.add(Problem.inFile(file, "line " + at.getLineNr() + ": 'defaults' must be a mapping"));
            return yaml.createObjectNode();
        }
        defaults.fieldNames().forEachRemaining(field -> {
            if (!EventParser.DEFAULTABLE.contains(field)) {
                problems.add(Problem.inFile(file, "line " + at.getLineNr() + ": 'defaults' may set only "
                        + EventParser.DEFAULTABLE + ", not '" + field + "'"));
            }
        });
        return defaults;
    }

    /** Reads one item of a top-level list: its node, where it is, and where its problems go. */
    @FunctionalInterface
    private interface ItemReader {
        void read(JsonNode node, int index, int line) throws IOException;
    }

    private void readEvents(final Path file, final JsonParser tokens, final ObjectNode defaults,
            final List<SourcedEvent> events, final List<Problem> problems) throws IOException {
        readList(file, tokens, "events", problems, (node, index, line) -> {
            final EventParser.Outcome outcome = naming.name(node, parser.parse(node, defaults,
                    new EventLocation(file, index, line, EventParser.readableId(node))));
            outcome.event().ifPresent(events::add);
            problems.addAll(outcome.problems());
        });
    }

    private void readOrders(final Path file, final JsonParser tokens, final ObjectNode defaults,
            final List<SourcedOrder> orders, final List<Problem> problems) throws IOException {
        readList(file, tokens, "orders", problems, (node, index, line) -> {
            final OrderParser.Outcome outcome = orderParser.parse(node, defaults, file, index, line);
            outcome.order().ifPresent(orders::add);
            problems.addAll(outcome.problems());
        });
    }

    /** Each item of a top-level list, numbered from 1 with its line; a non-list is a problem and is skipped. */
    private void readList(final Path file, final JsonParser tokens, final String name, final List<Problem> problems,
            final ItemReader item) throws IOException {
        if (tokens.currentToken() != JsonToken.START_ARRAY) {
            problems.add(Problem.inFile(file, "line " + tokens.currentTokenLocation().getLineNr()
                    + ": '" + name + "' must be a list"));
            tokens.skipChildren();
            return;
        }
        int index = 0;
        while (tokens.nextToken() != JsonToken.END_ARRAY) {
            index++;
            final int line = tokens.currentTokenLocation().getLineNr();
            item.read(yaml.readTree(tokens), index, line);
        }
    }
}
