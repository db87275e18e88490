package eu.partnershiptracker.producer.eventfiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/** How every curated YAML file of the project is read: event files, reference lists, undated facts and figures. */
public final class YamlFormat {

    private YamlFormat() {
    }

    /**
     * A mapper that reads a key given twice as an error, not as "the last one wins", and that takes only true and false
     * as booleans: YAML 1.1 would read {@code NO} (Norway) as false.
     */
    public static YAMLMapper mapper() {
        return YAMLMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
    }
}
