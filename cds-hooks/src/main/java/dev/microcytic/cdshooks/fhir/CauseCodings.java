package dev.microcytic.cdshooks.fhir;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.terminology.Vocabulary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.Enumerations.ConceptMapEquivalence;

/**
 * The standard-terminology Codings that may stand next to a cause Coding in one CodeableConcept. They come from the
 * knowledge package's ConceptMap (cause → SNOMED CT / ICD-10-CM), which lists only verified mappings; only targets at
 * least as broad as the cause (equal, equivalent, wider) are used, because every Coding of a CodeableConcept must be
 * true of the patient.
 */
public final class CauseCodings {

    private static final Set<ConceptMapEquivalence> USABLE =
            Set.of(ConceptMapEquivalence.EQUAL, ConceptMapEquivalence.EQUIVALENT, ConceptMapEquivalence.WIDER);

    private static final CauseCodings NONE = new CauseCodings(Map.of());

    private final Map<String, List<Coding>> bySourceCode;

    private CauseCodings(Map<String, List<Coding>> bySourceCode) {
        this.bySourceCode = bySourceCode;
    }

    public static CauseCodings none() {
        return NONE;
    }

    /**
     * Reads the targets of one target system out of the given ConceptMaps (groups of other source systems are
     * ignored).
     */
    public static CauseCodings from(List<ConceptMap> conceptMaps, String sourceSystem, String targetSystem) {
        Map<String, List<Coding>> codings = new HashMap<>();
        for (ConceptMap map : conceptMaps) {
            for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
                if (!sourceSystem.equals(group.getSource()) || !targetSystem.equals(group.getTarget())) {
                    continue;
                }
                for (ConceptMap.SourceElementComponent element : group.getElement()) {
                    for (ConceptMap.TargetElementComponent target : element.getTarget()) {
                        if (target.hasCode() && USABLE.contains(target.getEquivalence())) {
                            Coding coding = new Coding(group.getTarget(), target.getCode(), target.getDisplay());
                            if (group.hasTargetVersion()) {
                                coding.setVersion(group.getTargetVersion());
                            }
                            codings.computeIfAbsent(element.getCode(), c -> new ArrayList<>())
                                    .add(coding);
                        }
                    }
                }
            }
        }
        codings.replaceAll((code, list) -> List.copyOf(list));
        return new CauseCodings(Map.copyOf(codings));
    }

    /** Copies of the mapped Codings of a cause code, in ConceptMap order; empty when none is verified. */
    public List<Coding> codingsFor(String causeCode) {
        return bySourceCode.getOrDefault(causeCode, List.of()).stream()
                .map(Coding::copy)
                .toList();
    }

    /** The cause as a CodeableConcept: the product's Coding first, then its verified standard Codings. */
    CodeableConcept concept(CandidateCause cause) {
        CodeableConcept concept = new CodeableConcept().setText(cause.display());
        concept.addCoding(new Coding(Vocabulary.CAUSE_SYSTEM, cause.code(), cause.display()));
        codingsFor(cause.code()).forEach(concept::addCoding);
        return concept;
    }
}
