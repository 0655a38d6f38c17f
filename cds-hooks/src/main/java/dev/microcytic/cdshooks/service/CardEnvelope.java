package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.terminology.Vocabulary;
import java.util.List;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * What every card of this product's services shares: the uuid, the source (product and knowledge version, a URL, the
 * topic), the override reasons, the link to the diagnostic flowchart; and the two kinds of suggestion (propose a test
 * as a draft order, remove a draft order).
 */
final class CardEnvelope {

    /** CDS Hooks 2.0 §Card: the summary is a "<140-character" message. */
    static final int MAX_SUMMARY = 139;

    /** The label of the diagnostic flowchart every card links to. */
    static final String GUIDELINE_LABEL = "Donker et al., Blood 2014";

    private final String guidelineUrl;
    private final Supplier<String> uuids;

    CardEnvelope(String guidelineUrl, Supplier<String> uuids) {
        this.guidelineUrl = guidelineUrl;
        this.uuids = uuids;
    }

    /**
     * @param topic the cause or test the card is about
     * @param knowledgeVersion the knowledge package version, or null when the card does not rest on it
     * @param source the first cited work a reader can open (its label and link become the card's source), or null
     *     for the guideline
     */
    CdsServiceResponseCardJson card(
            String summary,
            CdsServiceIndicatorEnum indicator,
            String detail,
            CdsServiceResponseCodingJson topic,
            String knowledgeVersion,
            Citation source) {
        CdsServiceResponseCardJson card = new CdsServiceResponseCardJson();
        card.setUuid(uuids.get());
        card.setSummary(summary);
        card.setIndicator(indicator);
        card.setDetail(detail);
        card.setSource(new CdsServiceResponseCardSourceJson()
                .setLabel(sourceLabel(source, knowledgeVersion))
                .setUrl(
                        source == null
                                        || source.label() == null
                                        || source.label().isBlank()
                                ? guidelineUrl
                                : source.url())
                .setTopic(topic));
        card.setOverrideReasons(overrideReasons());
        card.setLinks(List.of(new CdsServiceResponseLinkJson()
                .setLabel("Diagnostic flowchart for microcytic anemia (" + GUIDELINE_LABEL + ")")
                .setUrl(guidelineUrl)
                .setType("absolute")));
        return card;
    }

    /**
     * The card's source names a guideline or study with its year (CDS Hooks 2.0 §Source: label "to display for this
     * source"): the cited work when there is one with a label and a link, else the diagnostic flowchart the card links
     * to (Donker et al., Blood 2014), or the product and knowledge version when a deployment links elsewhere.
     */
    private String sourceLabel(Citation source, String knowledgeVersion) {
        if (source != null && source.label() != null && !source.label().isBlank()) {
            return source.label();
        }
        if (CdsServiceSettings.DONKER_2014.equals(guidelineUrl)) {
            return GUIDELINE_LABEL;
        }
        return knowledgeVersion == null ? "microcytic-cds" : "microcytic-cds, knowledge " + knowledgeVersion;
    }

    static CdsServiceResponseCodingJson causeTopic(CandidateCause cause) {
        return new CdsServiceResponseCodingJson()
                .setSystem(Vocabulary.CAUSE_SYSTEM)
                .setCode(cause.code())
                .setDisplay(cause.display());
    }

    /** A suggestion that proposes the test as a draft ServiceRequest for the patient, for the cause. */
    CdsServiceResponseSuggestionJson draftOrder(
            SuggestedTest test, CandidateCause cause, String patientId, boolean recommended) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.setSubject(new Reference("Patient/" + patientId));
        CodeableConcept code = new CodeableConcept().setText(test.display());
        code.addCoding(new Coding(Vocabulary.TEST_SYSTEM, test.code(), test.display()));
        if (test.loinc() != null && !test.loinc().isBlank()) {
            code.addCoding(new Coding(Vocabulary.LOINC, test.loinc(), null));
        }
        request.setCode(code);
        CodeableConcept reason =
                new CodeableConcept().addCoding(new Coding(Vocabulary.CAUSE_SYSTEM, cause.code(), cause.display()));
        if (test.reason() != null && !test.reason().isBlank()) {
            reason.setText(test.reason());
        }
        request.addReasonCode(reason);

        CdsServiceResponseSuggestionActionJson action = new CdsServiceResponseSuggestionActionJson()
                .setType("create")
                .setDescription(CardText.truncate("Propose " + test.display() + " (draft order)", 200));
        action.setResource(request);
        CdsServiceResponseSuggestionJson suggestion = new CdsServiceResponseSuggestionJson()
                .setLabel(CardText.truncate("Order " + test.display(), 80))
                .setUuid(uuids.get())
                .setRecommended(recommended);
        suggestion.addAction(action);
        return suggestion;
    }

    /** A suggestion that deletes the draft order. */
    CdsServiceResponseSuggestionJson removal(Resource order, String label) {
        String reference = order.fhirType() + "/" + order.getIdElement().getIdPart();
        CdsServiceResponseSuggestionJson suggestion =
                new CdsServiceResponseSuggestionJson().setLabel(label).setUuid(uuids.get());
        suggestion.addAction(new DeleteAction(reference, label + " (" + reference + ")"));
        return suggestion;
    }

    static List<CdsServiceResponseCodingJson> overrideReasons() {
        return List.of(
                overrideReason("known-diagnosis", "Known diagnosis explains the findings"),
                overrideReason("workup-in-progress", "Already investigated or work-up in progress"),
                overrideReason("not-relevant-now", "Not relevant for this patient now"),
                overrideReason("data-not-current", "Values are outdated or wrong"),
                overrideReason("patient-declined", "Patient declined further tests"));
    }

    private static CdsServiceResponseCodingJson overrideReason(String code, String display) {
        return new CdsServiceResponseCodingJson()
                .setSystem(Vocabulary.OVERRIDE_REASON_SYSTEM)
                .setCode(code)
                .setDisplay(display);
    }
}
