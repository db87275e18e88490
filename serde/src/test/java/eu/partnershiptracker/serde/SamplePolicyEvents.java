package eu.partnershiptracker.serde;

import eu.partnershiptracker.model.Actor;
import eu.partnershiptracker.model.Correction;
import eu.partnershiptracker.model.CorrectionType;
import eu.partnershiptracker.model.DatePrecision;
import eu.partnershiptracker.model.EventKind;
import eu.partnershiptracker.model.InstrumentType;
import eu.partnershiptracker.model.PartialDate;
import eu.partnershiptracker.model.PolicyEvent;
import eu.partnershiptracker.model.Provenance;
import java.time.LocalDate;
import java.util.List;

/** PolicyEvents for round trips, with every kind of field set: enums, a logical date, nested records, unions, arrays. */
final class SamplePolicyEvents {

    private SamplePolicyEvents() {
    }

    static PolicyEvent sdpSigned() {
        return PolicyEvent.newBuilder()
                .setEventId("eu-jp-sdp-signed")
                .setActor(Actor.EU)
                .setCounterpart("JP")
                .setInstrument(InstrumentType.SDP)
                .setKind(EventKind.SIGNED)
                .setEventDate(PartialDate.newBuilder().setDate(LocalDate.of(2024, 11, 1)).setPrecision(DatePrecision.DAY).build())
                .setProvenance(Provenance.newBuilder()
                        .setSource("003_c9d7a99b29a6c61b.txt")
                        .setQuote("the EU and Japan signed a Security and Defence Partnership on 1 November 2024")
                        .setLocator("p. 2")
                        .build())
                .setTitle("EU-Japan Security and Defence Partnership")
                .setAreas(List.of("maritime security", "cyber", "space"))
                .build();
    }

    static PolicyEvent correctionOf(final PolicyEvent target) {
        return PolicyEvent.newBuilder(target)
                .setEventId(target.getEventId() + "-corrected")
                .setEventDate(PartialDate.newBuilder().setDate(LocalDate.of(2024, 11, 1)).setPrecision(DatePrecision.MONTH).build())
                .setInstrumentKey("2024")
                .setNotes("the source gives the month only")
                .setAreas(List.of())
                .setCorrection(Correction.newBuilder()
                        .setTargetEventId(target.getEventId())
                        .setType(CorrectionType.CORRECTS)
                        .setReason("precision")
                        .build())
                .build();
    }
}
