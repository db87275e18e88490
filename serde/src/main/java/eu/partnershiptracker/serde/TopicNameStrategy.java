package eu.partnershiptracker.serde;

/** Confluent's default subject naming: {@code <topic>-key} and {@code <topic>-value}. */
final class TopicNameStrategy {

    /** The only strategy the serdes accept, under Confluent's class name so that configs stay portable. */
    static final String CONFLUENT_CLASS_NAME = "io.confluent.kafka.serializers.subject.TopicNameStrategy";

    private TopicNameStrategy() {
    }

    static String subject(final String topic, final boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
