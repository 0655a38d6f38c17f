package dev.microcytic.cdshooks.service;

import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceIndicatorEnum;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCardSourceJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseCodingJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseLinkJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionActionJson;
import ca.uhn.hapi.fhir.cdshooks.api.json.CdsServiceResponseSuggestionJson;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.terminology.Analyte;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;

/**
 * Turns a {@link Differential} into CDS Hooks cards (contract §3.2, clinical brief §6.2): one card per candidate
 * cause in the engine's rank order, at most four; the summary names the cause and the values that decided it; the
 * detail shows the evidence with dates, sources and thresholds, the discrimination indices with their published
 * performance, what argues against the alternatives, the caveats, the knowledge version and the references;
 * suggestions propose the next tests as draft {@code ServiceRequest}s.
 *
 * <p>An empty differential (nothing microcytic) gives an empty card list.
 */
public final class CardWriter {

    public static final String CAUSE_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-cause";
    public static final String TEST_SYSTEM = "https://fhir.microcytic.dev/CodeSystem/microcytic-test";
    public static final String OVERRIDE_REASON_SYSTEM =
            "https://fhir.microcytic.dev/CodeSystem/microcytic-override-reason";
    static final String LOINC = "http://loinc.org";

    static final int MAX_CARDS = 4;
    static final int MAX_SUMMARY = 140;
    static final int MAX_SUGGESTIONS = 4;
    private static final int MAX_SUMMARY_VALUES = 3;
    static final String WORKUP_CODE = "iron-studies-needed";

    private final Citation.Lookup citations;
    private final String guidelineUrl;
    private final Supplier<String> uuids;
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
        this.guidelineUrl = guidelineUrl;
        this.uuids = uuids;
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
            response.addCard(card(cause, causes, differential, patientId, dataNotes));
        }
        return response;
    }

    /** The causes that get a card: rank order, one per cause code, at most four. */
    static List<CandidateCause> cardCauses(Differential differential) {
        Map<String, CandidateCause> byCode = new LinkedHashMap<>();
        differential.causes().stream()
                .sorted(Comparator.comparingInt(CandidateCause::rank))
                .forEach(cause -> byCode.putIfAbsent(cause.code(), cause));
        return byCode.values().stream().limit(MAX_CARDS).toList();
    }

    private CdsServiceResponseCardJson card(
            CandidateCause cause,
            List<CandidateCause> shown,
            Differential differential,
            String patientId,
            List<String> dataNotes) {
        References references = new References();
        CdsServiceResponseCardJson card = new CdsServiceResponseCardJson();
        card.setUuid(uuids.get());
        card.setSummary(summary(cause, differential));
        card.setIndicator(indicator(cause));
        card.setDetail(detail(cause, shown, differential, dataNotes, references));
        card.setSource(source(cause, differential, references));
        List<SuggestedTest> tests =
                cause.nextTests().stream().limit(MAX_SUGGESTIONS).toList();
        for (int i = 0; i < tests.size(); i++) {
            card.addSuggestion(suggestion(tests.get(i), cause, patientId, i == 0));
        }
        if (!tests.isEmpty()) {
            card.setSelectionBehaviour("any");
        }
        card.setOverrideReasons(overrideReasons());
        CdsServiceResponseLinkJson link = new CdsServiceResponseLinkJson()
                .setLabel("Diagnostic flowchart for microcytic anemia (Donker et al., Blood 2014)")
                .setUrl(guidelineUrl)
                .setType("absolute");
        card.setLinks(
                appLink.forPatient(patientId).map(app -> List.of(app, link)).orElse(List.of(link)));
        return card;
    }

    static String summary(CandidateCause cause, Differential differential) {
        String head = cause.code().equals(WORKUP_CODE)
                ? cause.display()
                : cause.display() + " " + likelihoodWord(cause.likelihood());
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
            values.add(CardText.analyte(evidence.analyte()) + " " + CardText.quantity(evidence.value(), unit));
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

    private String detail(
            CandidateCause cause,
            List<CandidateCause> shown,
            Differential differential,
            List<String> dataNotes,
            References references) {
        StringBuilder md = new StringBuilder();
        md.append("**")
                .append(CardText.cell(cause.display()))
                .append(": ")
                .append(likelihoodWord(cause.likelihood()))
                .append("** (rank ")
                .append(cause.rank())
                .append(" of ")
                .append(differential.causes().size())
                .append(" in the differential)\n\n");
        evidenceTable(md, "Findings for", cause.supporting(), differential, references);
        if (cause.supporting().isEmpty()) {
            evidenceTable(md, "Red-cell findings", differential.findings().evidence(), differential, references);
        }
        if (!cause.opposing().isEmpty()) {
            evidenceTable(md, "Findings against", cause.opposing(), differential, references);
        }
        indices(md, differential.indices(), references);
        alternatives(md, cause, shown, differential, references);
        caveats(md, cause, differential, dataNotes, references);
        nextTests(md, cause);
        md.append("---\n\nKnowledge package microcytic ")
                .append(CardText.cell(differential.knowledgeVersion()))
                .append(" (microcytic-cds).");
        references.appendTo(md);
        return md.toString();
    }

    private void evidenceTable(
            StringBuilder md, String title, List<Evidence> evidence, Differential differential, References refs) {
        if (evidence.isEmpty()) {
            return;
        }
        md.append("| ").append(title).append(" | Value | Threshold | Date | Source |\n");
        md.append("|---|---|---|---|---|\n");
        for (Evidence item : evidence) {
            String unit = item.unit() != null
                    ? item.unit()
                    : item.analyte() != null ? item.analyte().canonicalUnit() : null;
            md.append("| ").append(CardText.cell(item.statement())).append(" | ");
            if (item.value() != null) {
                md.append(CardText.cell(CardText.quantity(item.value(), unit)));
                if (isDerived(item, differential)) {
                    md.append(" (derived)");
                }
            }
            md.append(" | ");
            if (item.threshold() != null) {
                md.append(CardText.cell((item.comparator() != null ? item.comparator() + " " : "")
                        + CardText.quantity(item.threshold(), unit)));
            }
            md.append(" | ").append(date(item, differential)).append(" | ");
            md.append(refs.marker(item.sourceId())).append(" |\n");
        }
        md.append('\n');
    }

    private static Optional<LabValue> labValue(Evidence evidence, Differential differential) {
        if (evidence.labValueRef() != null) {
            Optional<LabValue> byRef = differential.valuesUsed().stream()
                    .filter(v -> evidence.labValueRef().equals(v.sourceId()))
                    .findFirst();
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        if (evidence.analyte() == null || evidence.value() == null) {
            return Optional.empty();
        }
        return differential.valuesUsed().stream()
                .filter(v -> v.analyte() == evidence.analyte() && Math.abs(v.value() - evidence.value()) < 1e-9)
                .max(Comparator.comparing(LabValue::effective));
    }

    private static boolean isDerived(Evidence evidence, Differential differential) {
        return labValue(evidence, differential).map(LabValue::derived).orElse(false);
    }

    private static String date(Evidence evidence, Differential differential) {
        return labValue(evidence, differential)
                .filter(v -> v.effective() != null)
                .map(v -> v.effective().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .orElse("");
    }

    private void indices(StringBuilder md, List<ComputedIndex> indices, References refs) {
        if (indices.isEmpty()) {
            return;
        }
        md.append("| Index | Formula | Value | Cut-off | Points to | Sensitivity / specificity | Source |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ComputedIndex index : indices) {
            md.append("| ")
                    .append(CardText.cell(index.name()))
                    .append(" | ")
                    .append(CardText.cell(index.formula()))
                    .append(" | ")
                    .append(CardText.number(index.value()))
                    .append(" | ")
                    .append(CardText.number(index.cutoff()))
                    .append(" | ")
                    .append(CardText.cell(
                            index.favours() == null ? "" : index.favours().replace('-', ' ')))
                    .append(" | ")
                    .append(performance(index))
                    .append(" | ")
                    .append(refs.marker(index.sourceId()))
                    .append(" |\n");
        }
        md.append("\nIndices separate beta-thalassaemia trait from iron deficiency only in adults without "
                + "combined deficiencies; they do not replace Hb fractionation.\n\n");
    }

    private static String performance(ComputedIndex index) {
        if (index.sensitivity() == null && index.specificity() == null) {
            return "not published";
        }
        return (index.sensitivity() == null ? "?" : CardText.number(index.sensitivity()) + "%")
                + " / "
                + (index.specificity() == null ? "?" : CardText.number(index.specificity()) + "%");
    }

    private void alternatives(
            StringBuilder md,
            CandidateCause cause,
            List<CandidateCause> shown,
            Differential differential,
            References refs) {
        List<CandidateCause> others = differential.causes().stream()
                .filter(other -> !other.code().equals(cause.code()))
                .sorted(Comparator.comparingInt(CandidateCause::rank))
                .toList();
        if (others.isEmpty()) {
            return;
        }
        md.append("**Alternatives and what argues against them:**\n\n");
        for (CandidateCause other : others) {
            md.append("- ")
                    .append(CardText.cell(other.display()))
                    .append(" (")
                    .append(likelihoodWord(other.likelihood()))
                    .append(shown.contains(other) ? ", own card" : "")
                    .append("): ");
            if (other.opposing().isEmpty()) {
                md.append("nothing in the data argues against it yet");
            } else {
                List<String> statements = new ArrayList<>();
                for (Evidence against : other.opposing().stream().limit(3).toList()) {
                    statements.add(CardText.cell(against.statement()) + " " + refs.marker(against.sourceId()));
                }
                md.append(String.join("; ", statements));
            }
            if (!other.nextTests().isEmpty()) {
                md.append(". Test that settles it: ")
                        .append(CardText.cell(other.nextTests().get(0).display()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void caveats(
            StringBuilder md,
            CandidateCause cause,
            Differential differential,
            List<String> dataNotes,
            References refs) {
        Map<String, Caveat> caveats = new LinkedHashMap<>();
        cause.caveats().forEach(caveat -> caveats.putIfAbsent(caveat.code(), caveat));
        differential.caveats().forEach(caveat -> caveats.putIfAbsent(caveat.code(), caveat));
        if (caveats.isEmpty() && dataNotes.isEmpty()) {
            return;
        }
        md.append("**Caveats:**\n\n");
        for (Caveat caveat : caveats.values()) {
            md.append("- ")
                    .append(CardText.cell(caveat.text()))
                    .append(' ')
                    .append(refs.marker(caveat.sourceId()))
                    .append('\n');
        }
        for (String note : new LinkedHashSet<>(dataNotes)) {
            md.append("- ").append(CardText.cell(note)).append('\n');
        }
        md.append('\n');
    }

    private static void nextTests(StringBuilder md, CandidateCause cause) {
        if (cause.nextTests().isEmpty()) {
            return;
        }
        md.append("**Next tests, in order:**\n\n");
        int n = 1;
        for (SuggestedTest test : cause.nextTests()) {
            md.append(n++).append(". ").append(CardText.cell(test.display()));
            if (test.reason() != null && !test.reason().isBlank()) {
                md.append(": ").append(CardText.cell(test.reason()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private CdsServiceResponseCardSourceJson source(
            CandidateCause cause, Differential differential, References references) {
        String url = references.firstUrl().orElse(guidelineUrl);
        return new CdsServiceResponseCardSourceJson()
                .setLabel("microcytic-cds, knowledge " + differential.knowledgeVersion())
                .setUrl(url)
                .setTopic(new CdsServiceResponseCodingJson()
                        .setSystem(CAUSE_SYSTEM)
                        .setCode(cause.code())
                        .setDisplay(cause.display()));
    }

    private CdsServiceResponseSuggestionJson suggestion(
            SuggestedTest test, CandidateCause cause, String patientId, boolean recommended) {
        ServiceRequest request = new ServiceRequest();
        request.setStatus(ServiceRequest.ServiceRequestStatus.DRAFT);
        request.setIntent(ServiceRequest.ServiceRequestIntent.PROPOSAL);
        request.setSubject(new Reference("Patient/" + patientId));
        CodeableConcept code = new CodeableConcept().setText(test.display());
        code.addCoding(new Coding(TEST_SYSTEM, test.code(), test.display()));
        if (test.loinc() != null && !test.loinc().isBlank()) {
            code.addCoding(new Coding(LOINC, test.loinc(), null));
        }
        request.setCode(code);
        CodeableConcept reason =
                new CodeableConcept().addCoding(new Coding(CAUSE_SYSTEM, cause.code(), cause.display()));
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
                .setSystem(OVERRIDE_REASON_SYSTEM)
                .setCode(code)
                .setDisplay(display);
    }

    /** The references one card cites, numbered in order of first use. */
    private final class References {
        private final Map<String, Integer> numbers = new LinkedHashMap<>();

        String marker(String referenceId) {
            if (referenceId == null || referenceId.isBlank()) {
                return "";
            }
            return "[" + numbers.computeIfAbsent(referenceId, id -> numbers.size() + 1) + "]";
        }

        Optional<String> firstUrl() {
            return numbers.keySet().stream()
                    .map(citations::find)
                    .flatMap(Optional::stream)
                    .map(Citation::url)
                    .filter(url -> url != null && !url.isBlank())
                    .findFirst();
        }

        void appendTo(StringBuilder md) {
            if (numbers.isEmpty()) {
                return;
            }
            md.append("\n\n**References:**\n\n");
            for (Map.Entry<String, Integer> entry : numbers.entrySet()) {
                md.append(entry.getValue()).append(". ");
                Optional<Citation> citation = citations.find(entry.getKey());
                if (citation.isPresent()) {
                    md.append(CardText.cell(citation.get().text()));
                    if (citation.get().url() != null) {
                        md.append(" <").append(citation.get().url()).append('>');
                    }
                } else {
                    md.append(CardText.cell(entry.getKey()));
                }
                md.append('\n');
            }
        }
    }
}
