package eu.partnershiptracker.cli;

import eu.partnershiptracker.cluster.TopicNames;
import eu.partnershiptracker.producer.eventfiles.EventFiles;
import eu.partnershiptracker.producer.eventfiles.ValidationException;
import eu.partnershiptracker.producer.publish.EventPublisher;
import eu.partnershiptracker.producer.publish.OnUnreadable;
import eu.partnershiptracker.producer.publish.PublishException;
import eu.partnershiptracker.producer.publish.PublishSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code publish FILE|DIR}: validates event files, then publishes the new events in one transaction. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Validate event files (YAML), then publish every event not yet on the events topic, in one "
                + "Kafka transaction. Re-publishing the same files appends nothing.",
                "Exit codes: 0 done, 1 invalid input, 2 bad command line or a registry URL without the Confluent "
                        + "API, 3 Kafka or registry unavailable, 4 records on the topic cannot be read (a registry "
                        + "that lost its schemas?), so nothing was published."})
public final class PublishCommand implements Callable<Integer> {

    static final String UNREADABLE_HINT = "If the schema registry lost its schemas (an in-memory registry that was "
            + "restarted), restore them, or give --registry-url of the registry that wrote these records. Only if "
            + "they do not belong to the log of record, publish again with --ignore-unreadable.";

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Event files, or directories of them.")
    private List<Path> inputs;

    @Mixin
    private ConnectionOptions connection;

    @Option(names = "--topic", defaultValue = TopicNames.DEFAULT_EVENTS,
            description = "The events topic (default: ${DEFAULT-VALUE}).")
    private String topic;

    @Mixin
    private TopicLayoutOptions layout;

    @Option(names = "--transactional-id", defaultValue = PublishSettings.DEFAULT_TRANSACTIONAL_ID,
            description = "Transactional id; publishers sharing it fence each other (default: ${DEFAULT-VALUE}).")
    private String transactionalId;

    @Option(names = "--ignore-unreadable",
            description = "Publish even when records on the topic cannot be read as events, treating them as absent. "
                    + "Only for records foreign to the log of record: if the registry lost its schemas, this "
                    + "publishes every event again.")
    private boolean ignoreUnreadable;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        try {
            final PublishSettings settings = new PublishSettings(connection.cluster(), topic, layout.partitions(),
                    layout.replicationFactor(), transactionalId);
            final EventPublisher.Result result = new EventPublisher()
                    .publish(EventFiles.bundled().check(inputs), settings,
                            ignoreUnreadable ? OnUnreadable.IGNORE : OnUnreadable.REFUSE);
            out.printf("Published %d new events to %s; %d were already there.%n", result.published(), topic,
                    result.alreadyPublished());
            if (result.derivedDiffer() > 0) {
                err.printf("Note: %d events already on %s state the same but carry older names or order bounds;"
                        + " they stay as published (docs/EVENT-FILES.md, \"Orders\").%n", result.derivedDiffer(), topic);
            }
            if (result.unreadableOnTopic() > 0) {
                err.printf("Warning: %d records on %s are not readable events and were ignored.%n",
                        result.unreadableOnTopic(), topic);
            }
            return ExitCodes.OK;
        } catch (final ValidationException e) {
            err.println(e.getMessage());
            err.println("Nothing was published.");
            return ExitCodes.INVALID_INPUT;
        } catch (final PublishException e) {
            err.println("Error: " + e.getMessage());
            if (e.kind() == PublishException.Kind.WRONG_REGISTRY_URL) {
                err.println(ConnectionOptions.REGISTRY_URL_HINT);
            } else if (e.kind() == PublishException.Kind.UNREADABLE_RECORDS) {
                err.println(UNREADABLE_HINT);
            }
            err.println("Nothing was published.");
            return ExitCodes.of(e);
        } catch (final IOException e) {
            err.println("Error: cannot read the client configuration: " + e.getMessage());
            return ExitCodes.INVALID_INPUT;
        }
    }
}
