package eu.partnershiptracker.serde;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A hand-written SpecificRecord in version 2 of a two-version schema, so evolution can be tested without the code
 * generator: version 1 has only {@code name}; version 2 adds {@code status} with a default.
 */
public final class Milestone extends SpecificRecordBase {

    static final Schema V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "Milestone", "namespace": "eu.partnershiptracker.serde",
             "fields": [{"name": "name", "type": "string"}]}""");

    public static final Schema SCHEMA$ = new Schema.Parser().parse("""
            {"type": "record", "name": "Milestone", "namespace": "eu.partnershiptracker.serde",
             "fields": [{"name": "name", "type": "string"},
                        {"name": "status", "type": "string", "default": "PLANNED"}]}""");

    private CharSequence name;
    private CharSequence status;

    /** For Avro, which instantiates records reflectively. */
    public Milestone() {
    }

    Milestone(final String name, final String status) {
        this.name = name;
        this.status = status;
    }

    String name() {
        return name.toString();
    }

    String status() {
        return status.toString();
    }

    @Override
    public Schema getSchema() {
        return SCHEMA$;
    }

    @Override
    public Object get(final int field) {
        return switch (field) {
            case 0 -> name;
            case 1 -> status;
            default -> throw new IndexOutOfBoundsException(field);
        };
    }

    @Override
    public void put(final int field, final Object value) {
        switch (field) {
            case 0 -> name = (CharSequence) value;
            case 1 -> status = (CharSequence) value;
            default -> throw new IndexOutOfBoundsException(field);
        }
    }
}
