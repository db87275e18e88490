package eu.partnershiptracker.query.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PartialDate;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The JSON of the API: Avro records as plain objects of their fields, dates and instants as ISO strings, and partial
 * dates written only as far as their precision goes ({@code {"date": "2024-05", "precision": "MONTH"}}). It reads
 * what it writes, so that instances exchange typed answers.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper create() {
        final SimpleModule partialDates = new SimpleModule("partial-dates")
                .addSerializer(new PartialDateSerializer())
                .addDeserializer(PartialDate.class, new PartialDateDeserializer());
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(partialDates)
                .addMixIn(SpecificRecordBase.class, AvroRecordMixIn.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }

    /** Avro's accessors for its own machinery are not data. */
    @JsonIgnoreProperties({"schema", "specificData"})
    private abstract static class AvroRecordMixIn {
    }

    /**
     * A partial date as the API writes it. The OpenAPI description takes the schema of every PartialDate from here
     * (src/main/compile/openapi.groovy), not from the Avro record, whose date is a whole day.
     */
    @OpenApiName("PartialDate")
    record WrittenPartialDate(
            @OpenApiDescription("As far as the precision goes: 2024, 2024-05 or 2024-05-21") String date,
            DatePrecision precision) {
    }

    /** Writes the date in the form its precision allows, never inventing a day or a month. */
    static final class PartialDateSerializer extends StdSerializer<PartialDate> {

        private static final long serialVersionUID = 1L;

        PartialDateSerializer() {
            super(PartialDate.class);
        }

        @Override
        public void serialize(final PartialDate value, final JsonGenerator generator, final SerializerProvider provider)
                throws IOException {
            provider.defaultSerializeValue(new WrittenPartialDate(PartialDates.format(value), value.getPrecision()),
                    generator);
        }
    }

    /** Reads a date back from the form its precision allows; the stated precision must agree with the form. */
    static final class PartialDateDeserializer extends StdDeserializer<PartialDate> {

        private static final long serialVersionUID = 1L;

        PartialDateDeserializer() {
            super(PartialDate.class);
        }

        @Override
        public PartialDate deserialize(final JsonParser parser, final DeserializationContext context)
                throws IOException {
            final WrittenPartialDate written = context.readValue(parser, WrittenPartialDate.class);
            final PartialDate date;
            try {
                date = PartialDates.parse(String.valueOf(written.date()));
            } catch (final IllegalArgumentException e) {
                throw JsonMappingException.from(parser, "not a partial date: " + written, e);
            }
            if (date.getPrecision() != written.precision()) {
                throw JsonMappingException.from(parser, "a partial date whose precision is not its form's: " + written);
            }
            return date;
        }
    }
}
