package eu.partnershiptracker.core;

import java.util.Objects;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A copy of a generated Avro record that shares its fields' values: the generated copying builder deep-copies every
 * date, string and list, where the index's records, never changed once built, only need one field set differently.
 */
public final class ShallowCopy {

    private ShallowCopy() {
    }

    /** @param empty the record class's no-argument constructor */
    public static <R extends SpecificRecordBase> R of(final R record, final Supplier<R> empty) {
        Objects.requireNonNull(record, "record");
        final R copy = empty.get();
        for (int field = 0; field < record.getSchema().getFields().size(); field++) {
            copy.put(field, record.get(field));
        }
        return copy;
    }
}
