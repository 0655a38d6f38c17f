package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.fhir.TestPriority;
import dev.microcytic.terminology.Analyte;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a {@link Differential} into CDS Hooks cards (CDS Hooks 2.0 §Card): one card per candidate
 * cause in the engine's rank order, at most four; the summary names the cause, its likelihood and the values that
 * decided it; the detail ({@link CardDetail}) is what a clinician reads in a few seconds and links to the patient's
 * page for the rest; suggestions propose the next tests as draft {@code ServiceRequest}s in {@link TestPriority}
 * order.
 *
 * <p>An empty differential (nothing microcytic) gives an empty card list.
 */
public final class CardWriter {

    static final int MAX_CARDS = 4;
    static final int MAX_SUMMARY = CardEnvelope.MAX_SUMMARY;
    private static final List<String> HEDGES = List.of(" suspected", " possible", " probable");
    static final int MAX_SUGGESTIONS = 4;
    private static final int MAX_SUMMARY_VALUES = 3;
    static final String WORKUP_CODE = "iron-studies-needed";

    private final Citation.Lookup citations;
    private final CardEnvelope envelope;
    private final PatientAppLink appLink;

    public CardWriter(Citation.Lookup citations, String guidelineUrl) {
        this(citations, guidelineUrl, CardIds::next, PatientAppLink.none());
    }

    /** @param appLink the link from each card to the patient's page in the web app */
    public CardWriter(Citation.Lookup citations, String guidelineUrl, PatientAppLink appLink) {
        this(citations, guidelineUrl, CardIds::next, appLink);
    }

    CardWriter(Citation.Lookup citations, String guidelineUrl, Supplier<String> uuids) {
        this(citations, guidelineUrl, uuids, PatientAppLink.none());
    }

    CardWriter(Citation.Lookup citations, String guidelineUrl, Supplier<String> uuids, PatientAppLink appLink) {
        this.citations = citations;
        this.envelope = new CardEnvelope(guidelineUrl, uuids);
        this.appLink = appLink;
    }

    /**
     * @param differential the engine's result
     * @param patientId the FHIR id of the patient (the subject of the proposed ServiceRequests)
     * @param dataNotes notes about the input data (unconvertible units, prefetch keys the client could not provide),
     *     shown as caveats
     */
    public CdsServiceResponseJson write(Differential differential, String patientId, List<String> dataNotes) {
        CdsServiceResponseJson response = new CdsServiceResponseJson();
        if (differential.isEmpty()) {
            return response;
        }
        List<CandidateCause> causes = cardCauses(differential);
        for (CandidateCause cause : causes) {
            response.addCard(card(cause, differential, patientId, dataNotes));
        }
        return response;
    }

    /** The causes that get a card: the differential's ranked causes, at most four. */
    static List<CandidateCause> cardCauses(Differential differential) {
        return differential.causes().stream().limit(MAX_CARDS).toList();
    }

    private CdsServiceResponseCardJson card(
            CandidateCause cause, Differential differential, String patientId, List<String> dataNotes) {
        CardReferences references = new CardReferences(citations);
        Optional<CdsServiceResponseLinkJson> page = appLink.forPatient(patientId);
        String detail = CardDetail.write(cause, differential, dataNotes, references, page);
        CdsServiceResponseCardJson card = envelope.card(
                summary(cause, differential),
                indicator(cause),
                detail,
                CardEnvelope.causeTopic(cause),
                differential.knowledgeVersion(),
                references.firstLinked().orElse(null));
        List<SuggestedTest> tests =
                TestPriority.forCause(cause).stream().limit(MAX_SUGGESTIONS).toList();
        for (int i = 0; i < tests.size(); i++) {
            card.addSuggestion(envelope.draftOrder(tests.get(i), cause, patientId, i == 0));
        }
        if (!tests.isEmpty()) {
            card.setSelectionBehaviour("any");
        }
        page.ifPresent(app -> {
            List<CdsServiceResponseLinkJson> links = new ArrayList<>();
            links.add(app);
            links.addAll(card.getLinks());
            card.setLinks(links);
        });
        return card;
    }

    /**
     * The cause, its likelihood and the values that decided it, under 140 characters (CDS Hooks 2.0 §Card). A cause
     * whose name already hedges ("... suspected") is named without the hedge, so that one word carries the likelihood.
     */
    static String summary(CandidateCause cause, Differential differential) {
        String head = cause.code().equals(WORKUP_CODE)
                ? cause.display()
                : unhedged(cause.display()) + " " + likelihoodWord(cause.likelihood());
        List<String> values = decisiveValues(cause, differential);
        StringBuilder summary = new StringBuilder(head);
        String separator = ": ";
        for (String value : values) {
            if (summary.length() + separator.length() + value.length() > MAX_SUMMARY) {
                break;
            }
            summary.append(separator).append(value);
            separator = ", ";
        }
        return CardText.truncate(summary.toString(), MAX_SUMMARY);
    }

    /** The cause's name without a hedge of its own, when the card states the likelihood beside it. */
    static String unhedged(String display) {
        for (String hedge : HEDGES) {
            if (display.toLowerCase(Locale.ROOT).endsWith(hedge)) {
                return display.substring(0, display.length() - hedge.length()).stripTrailing();
            }
        }
        return display;
    }

    /** The lab values that decided the cause (its supporting evidence first, then the red-cell findings). */
    private static List<String> decisiveValues(CandidateCause cause, Differential differential) {
        List<String> values = new ArrayList<>();
        Set<Analyte> seen = EnumSet.noneOf(Analyte.class);
        List<Evidence> candidates = new ArrayList<>(cause.supporting());
        if (cause.code().equals(WORKUP_CODE) || cause.supporting().stream().noneMatch(e -> e.value() != null)) {
            candidates.addAll(differential.findings().evidence());
        }
        for (Evidence evidence : candidates) {
            if (evidence.analyte() == null || evidence.value() == null || !seen.add(evidence.analyte())) {
                continue;
            }
            String unit = evidence.unit() != null
                    ? evidence.unit()
                    : evidence.analyte().canonicalUnit();
            values.add(SummaryValue.of(evidence, unit, differential));
            if (values.size() == MAX_SUMMARY_VALUES) {
                break;
            }
        }
        return values;
    }

    static String likelihoodWord(Likelihood likelihood) {
        return switch (likelihood) {
            case LIKELY -> "likely";
            case POSSIBLE -> "possible";
            case CONSIDER -> "to consider";
        };
    }

    static CdsServiceIndicatorEnum indicator(CandidateCause cause) {
        return switch (cause.urgency()) {
            case INFO -> CdsServiceIndicatorEnum.INFO;
            case WARNING -> CdsServiceIndicatorEnum.WARNING;
            case CRITICAL -> CdsServiceIndicatorEnum.CRITICAL;
        };
    }
}
