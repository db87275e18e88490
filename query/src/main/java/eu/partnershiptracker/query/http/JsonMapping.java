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
import eu.partnershiptracker.core.DateClaim;
import eu.partnershiptracker.core.PartialDates;
import eu.partnershiptracker.model.DateBounds;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.PartialDate;
import io.javalin.openapi.OpenApiDescription;
import io.javalin.openapi.OpenApiName;
import java.io.IOException;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The JSON of the API: Avro records as plain objects of their fields, dates and instants as ISO strings, partial
 * dates written only as far as their precision goes ({@code {"date": "2024-05", "precision": "MONTH"}}), and date
 * bounds as their two partial dates with their EDTF form beside them ({@code {"notBefore": ..., "notAfter": ...,
 * "edtf": "[2024-07-12..2025-08]"}}). It reads what it writes, so that instances exchange typed answers.
 */
public final class JsonMapping {

    private JsonMapping() {
    }

    public static ObjectMapper create() {
        final SimpleModule partialDates = new SimpleModule("partial-dates")
                .addSerializer(new PartialDateSerializer())
                .addDeserializer(PartialDate.class, new PartialDateDeserializer())
                .addSerializer(new DateBoundsSerializer())
                .addDeserializer(DateBounds.class, new DateBoundsDeserializer());
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

    /**
     * Date bounds as the API writes them: either bound may be null (open), and {@code edtf} is the same bounds in EDTF's
     * set notation, for reading by eye. The OpenAPI description takes the schema of every DateBounds from here.
     */
    @OpenApiName("DateBounds")
    record WrittenDateBounds(
            @OpenApiDescription("No earlier than the first day of this period; null: open") PartialDate notBefore,
            @OpenApiDescription("No later than the last day of this period; null: open") PartialDate notAfter,
            @OpenApiDescription("The bounds in EDTF's set notation: [2024-07-12..2025-08], [..2025-08]") String edtf) {
    }

    /** Writes both bounds and their EDTF form. */
    static final class DateBoundsSerializer extends StdSerializer<DateBounds> {

        private static final long serialVersionUID = 1L;

        DateBoundsSerializer() {
            super(DateBounds.class);
        }

        @Override
        public void serialize(final DateBounds value, final JsonGenerator generator, final SerializerProvider provider)
                throws IOException {
            provider.defaultSerializeValue(new WrittenDateBounds(value.getNotBefore(), value.getNotAfter(),
                    DateClaim.bounded(value.getNotBefore(), value.getNotAfter()).format()), generator);
        }
    }

    /** Reads bounds back from their two partial dates; the EDTF form, when given, must agree with them. */
    static final class DateBoundsDeserializer extends StdDeserializer<DateBounds> {

        private static final long serialVersionUID = 1L;

        DateBoundsDeserializer() {
            super(DateBounds.class);
        }

        @Override
        public DateBounds deserialize(final JsonParser parser, final DeserializationContext context)
                throws IOException {
            final WrittenDateBounds written = context.readValue(parser, WrittenDateBounds.class);
            final DateClaim bounds;
            try {
                bounds = DateClaim.bounded(written.notBefore(), written.notAfter());
            } catch (final IllegalArgumentException e) {
                throw JsonMappingException.from(parser, "not date bounds: " + e.getMessage(), e);
            }
            if (written.edtf() != null && !written.edtf().equals(bounds.format())) {
                throw JsonMappingException.from(parser, "date bounds whose edtf '" + written.edtf()
                        + "' is not their bounds' " + bounds.format());
            }
            return bounds.bounds();
        }
    }
}
