package dev.microcytic.cdshooks.differential;

import java.util.List;

/**
 * One cause in the ranked differential.
 *
 * @param code a code of the knowledge package's cause CodeSystem, e.g. "iron-deficiency"
 * @param display the cause's name
 * @param likelihood the likelihood band
 * @param rank 1 for the leading cause
 * @param urgency how soon to act
 * @param supporting the evidence for this cause
 * @param opposing the evidence against it
 * @param nextTests the tests that would confirm or exclude it, in order
 * @param caveats the caveats that apply to this cause
 */
public record CandidateCause(
        String code,
        String display,
        Likelihood likelihood,
        int rank,
        Urgency urgency,
        List<Evidence> supporting,
        List<Evidence> opposing,
        List<SuggestedTest> nextTests,
        List<Caveat> caveats) {

    public CandidateCause {
        supporting = List.copyOf(supporting);
        opposing = List.copyOf(opposing);
        nextTests = List.copyOf(nextTests);
        caveats = List.copyOf(caveats);
    }
}
