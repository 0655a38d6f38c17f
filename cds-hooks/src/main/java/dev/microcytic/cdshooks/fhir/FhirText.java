package dev.microcytic.cdshooks.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.utilities.xhtml.NodeType;
import org.hl7.fhir.utilities.xhtml.XhtmlNode;

/** Small pieces every resource the differential writers produce shares: narratives, sentences, times, local ids. */
final class FhirText {

    private FhirText() {}

    /** A generated narrative (dom-6); XhtmlNode escapes the text. */
    static Narrative narrative(String text) {
        XhtmlNode div = new XhtmlNode(NodeType.Element, "div");
        div.setAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        div.addText(text);
        return new Narrative().setStatus(Narrative.NarrativeStatus.GENERATED).setDiv(div);
    }

    static String sentence(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() || trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    static DateTimeType millis(Date when) {
        // Millisecond precision so that two evaluations within one second still sort by date.
        return new DateTimeType(when, TemporalPrecisionEnum.MILLI);
    }

    static IdType placeholder() {
        return new IdType("urn:uuid:" + UUID.randomUUID());
    }

    static Reference localReference(Resource resource) {
        return new Reference(resource.getIdElement().getValue());
    }
}
