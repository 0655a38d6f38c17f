package dev.microcytic.cdshooks.differential;

import dev.microcytic.terminology.Analyte;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of one evaluation: the ranked differential with its evidence, the discrimination indices, the caveats
 * and the next tests. Empty {@link #causes()} means nothing microcytic was found.
 *
 * @param knowledgeVersion the knowledge package version the thresholds came from
 * @param findings anemia / microcytosis / hypochromia
 * @param causes candidate causes in rank order, one per cause code (the first of each when a list repeats one), so that
 *     every rendering shows the same list
 * @param indices discrimination indices computed from the CBC
 * @param caveats caveats that apply to the whole interpretation
 * @param nextTests all next tests, de-duplicated, in the order to order them
 * @param missingAnalytes analytes whose absence keeps the differential open
 * @param valuesUsed the lab values the evaluation read (for provenance, e.g. FHIR derivedFrom)
 */
public record Differential(
        String knowledgeVersion,
        RedCellFindings findings,
        List<CandidateCause> causes,
        List<ComputedIndex> indices,
        List<Caveat> caveats,
        List<SuggestedTest> nextTests,
        Set<Analyte> missingAnalytes,
        List<LabValue> valuesUsed) {

    public Differential {
        causes = ranked(causes);
        indices = List.copyOf(indices);
        caveats = List.copyOf(caveats);
        nextTests = List.copyOf(nextTests);
        missingAnalytes = Set.copyOf(missingAnalytes);
        valuesUsed = List.copyOf(valuesUsed);
    }

    private static List<CandidateCause> ranked(List<CandidateCause> causes) {
        boolean ranked = true;
        for (int i = 1; i < causes.size() && ranked; i++) {
            ranked = causes.get(i - 1).rank() <= causes.get(i).rank();
            for (int j = 0; j < i && ranked; j++) {
                ranked = !causes.get(j).code().equals(causes.get(i).code());
            }
        }
        if (ranked) {
            return List.copyOf(causes);
        }
        Map<String, CandidateCause> byCode = new LinkedHashMap<>();
        causes.stream()
                .sorted(Comparator.comparingInt(CandidateCause::rank))
                .forEach(cause -> byCode.putIfAbsent(cause.code(), cause));
        return List.copyOf(byCode.values());
    }

    public Optional<CandidateCause> leading() {
        return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(0));
    }

    public boolean isEmpty() {
        return causes.isEmpty();
    }
}
