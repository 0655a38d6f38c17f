package dev.microcytic.cdshooks.fhir;

import static dev.microcytic.cdshooks.fhir.FhirText.millis;
import static dev.microcytic.cdshooks.fhir.FhirText.narrative;
import static dev.microcytic.cdshooks.fhir.FhirText.placeholder;
import static dev.microcytic.cdshooks.fhir.FhirText.sentence;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.RedCellFindings;
import dev.microcytic.cdshooks.differential.Urgency;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.Vocabulary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * The differential {@link Observation}: the leading cause as its value, every cause with its likelihood as a component,
 * the lab Observations it was derived from, and the rationale (findings, evidence per cause, indices, caveats, missing
 * data) as notes.
 */
final class DifferentialObservationWriter {

    static final String DIFFERENTIAL_DISPLAY = "Microcytic anemia differential diagnosis";

    private final CauseCodings causeCodings;

    DifferentialObservationWriter(CauseCodings causeCodings) {
        this.causeCodings = causeCodings;
    }

    Observation write(Differential differential, String patientReference, Date when, List<String> dataNotes) {
        CandidateCause leading = differential.causes().get(0);
        Observation observation = new Observation();
        observation.setIdElement(placeholder());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        // No "laboratory" category: this is an inference, and clients that list a patient's lab results by category
        // must not get it mixed in with measured values.
        observation
                .getCode()
                .addCoding(new Coding(Vocabulary.CDS_SYSTEM, Vocabulary.DIFFERENTIAL_CODE, DIFFERENTIAL_DISPLAY));
        observation.getCode().setText(DIFFERENTIAL_DISPLAY);
        observation.setSubject(new Reference(patientReference));
        observation.setEffective(millis(when));
        observation.setIssued(when);
        observation.setValue(causeCodings.concept(leading));
        observation.addInterpretation(interpretation(leading));
        observation.getMethod().setText("microcytic-cds knowledge " + differential.knowledgeVersion());
        for (CandidateCause cause : differential.causes()) {
            observation
                    .addComponent()
                    .setCode(causeCodings.concept(cause))
                    .setValue(new StringType(cause.likelihood().name().toLowerCase(Locale.ROOT)));
        }
        for (String source : sourceObservations(differential)) {
            observation.addDerivedFrom(new Reference(source));
        }
        rationale(differential).forEach(text -> observation.addNote(new Annotation().setText(text)));
        if (dataNotes != null && !dataNotes.isEmpty()) {
            observation.addNote(new Annotation()
                    .setText("Data notes: "
                            + dataNotes.stream().map(FhirText::sentence).collect(Collectors.joining(" "))));
        }
        observation.setText(narrative(DIFFERENTIAL_DISPLAY + ": " + summary(differential)));
        return observation;
    }

    /** Abnormal, or critical abnormal when the leading cause needs urgent action. */
    private static CodeableConcept interpretation(CandidateCause leading) {
        boolean critical = leading.urgency() == Urgency.CRITICAL;
        CodeableConcept concept = new CodeableConcept();
        concept.addCoding(
                critical
                        ? new Coding(Vocabulary.OBSERVATION_INTERPRETATION, "AA", "Critical abnormal")
                        : new Coding(Vocabulary.OBSERVATION_INTERPRETATION, "A", "Abnormal"));
        concept.setText(leading.display() + " " + leading.likelihood().name().toLowerCase(Locale.ROOT));
        return concept;
    }

    /** The stored lab Observations the evaluation read, in the order the engine used them; derived values have none. */
    static List<String> sourceObservations(Differential differential) {
        Set<String> sources = new LinkedHashSet<>();
        differential.valuesUsed().stream()
                .map(LabValue::sourceId)
                .filter(DifferentialObservationWriter::isObservationReference)
                .forEach(sources::add);
        differential.causes().stream()
                .flatMap(cause -> cause.supporting().stream())
                .map(Evidence::labValueRef)
                .filter(DifferentialObservationWriter::isObservationReference)
                .forEach(sources::add);
        return sources.stream()
                .map(ref -> new IdType(ref).toUnqualifiedVersionless().getValue())
                .distinct()
                .toList();
    }

    private static boolean isObservationReference(String reference) {
        return reference != null
                && new IdType(reference).getResourceType() != null
                && "Observation".equals(new IdType(reference).getResourceType())
                && new IdType(reference).hasIdPart();
    }

    /** The rationale, one note per block: findings, each cause with its evidence, indices, caveats. */
    private static List<String> rationale(Differential differential) {
        List<String> notes = new ArrayList<>();
        RedCellFindings findings = differential.findings();
        StringBuilder summary = new StringBuilder("Findings: ")
                .append(findingsText(findings))
                .append(". Knowledge version ")
                .append(differential.knowledgeVersion())
                .append('.');
        if (findings != null) {
            findings.evidence().forEach(e -> summary.append(' ').append(sentence(e.statement())));
        }
        notes.add(summary.toString());
        for (CandidateCause cause : differential.causes()) {
            StringBuilder text = new StringBuilder()
                    .append(cause.rank())
                    .append(". ")
                    .append(cause.display())
                    .append(" (")
                    .append(cause.likelihood().name().toLowerCase(Locale.ROOT))
                    .append(").");
            if (!cause.supporting().isEmpty()) {
                text.append(" For: ").append(statements(cause.supporting()));
            }
            if (!cause.opposing().isEmpty()) {
                text.append(" Against: ").append(statements(cause.opposing()));
            }
            cause.caveats().forEach(caveat -> text.append(" Caveat: ")
                    .append(sentence(sourced(caveat.text(), caveat.sourceId()))));
            notes.add(text.toString());
        }
        if (!differential.indices().isEmpty()) {
            notes.add("Indices: "
                    + differential.indices().stream()
                            .map(DifferentialObservationWriter::indexText)
                            .collect(Collectors.joining("; "))
                    + ".");
        }
        if (!differential.caveats().isEmpty()) {
            notes.add("Caveats: "
                    + differential.caveats().stream()
                            .map(caveat -> sentence(sourced(caveat.text(), caveat.sourceId())))
                            .collect(Collectors.joining(" ")));
        }
        if (!differential.missingAnalytes().isEmpty()) {
            notes.add("Missing to settle the differential: "
                    + differential.missingAnalytes().stream()
                            .sorted(Comparator.comparing(Analyte::ordinal))
                            .map(a -> a.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .collect(Collectors.joining(", "))
                    + ".");
        }
        return notes;
    }

    /** The ranked causes in one line, e.g. "1. Iron deficiency anemia (likely); 2. ...". */
    static String summary(Differential differential) {
        return differential.causes().stream()
                        .map(c -> c.rank() + ". " + c.display() + " ("
                                + c.likelihood().name().toLowerCase(Locale.ROOT) + ")")
                        .collect(Collectors.joining("; "))
                + ".";
    }

    private static String findingsText(RedCellFindings findings) {
        if (findings == null) {
            return "not stated";
        }
        List<String> parts = new ArrayList<>();
        parts.add(findings.anemia() ? "anemia" : "no anemia");
        parts.add(findings.microcytosis() ? "microcytosis" : "no microcytosis");
        if (findings.hypochromia()) {
            parts.add("hypochromia");
        }
        return String.join(", ", parts);
    }

    private static String statements(List<Evidence> evidence) {
        return evidence.stream()
                .map(item -> sentence(sourced(item.statement(), item.sourceId())))
                .collect(Collectors.joining(" "));
    }

    private static String indexText(ComputedIndex index) {
        return String.format(
                Locale.ROOT,
                "%s (%s) %.1f, cut-off %s, favours %s",
                index.name(),
                index.formula(),
                index.value(),
                stripZeros(index.cutoff()),
                sourced(index.favours(), index.sourceId()));
    }

    /**
     * A statement with the knowledge-package reference id of its source in brackets, e.g.
     * {@code "Ferritin 6 ng/mL < 15 ng/mL [who-2020]"}, so that a reader of the note (and the web app) can trace it.
     */
    private static String sourced(String text, String sourceId) {
        if (sourceId == null || sourceId.isBlank()) {
            return text;
        }
        // the reference goes before the closing full stop, which sentence() puts back
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        return body + " [" + sourceId + "]";
    }

    private static String stripZeros(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
