package dev.microcytic.cdshooks.fhir;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the next tests are proposed, on the cards and in the stored RequestGroup: the engine's order
 * (cheap and decisive first), except that the gastrointestinal evaluation comes first whenever the engine asks for it.
 * The engine asks for it only for iron deficiency in a man or a post-menopausal woman, in whom bidirectional
 * endoscopy is the investigation that must not be missed or delayed (Snook et al., BSG guideline, Gut 2021,
 * doi:10.1136/gutjnl-2021-325210; Ko et al., AGA guideline, Gastroenterology 2020,
 * doi:10.1053/j.gastro.2020.06.046), so it is never cut by the cap on a card's suggestions.
 */
public final class TestPriority {

    /** The next-test code of the gastrointestinal evaluation (bidirectional endoscopy). */
    public static final String GI_EVALUATION = "gi-evaluation";

    private TestPriority() {}

    /** The cause's next tests in the order to propose them. */
    public static List<SuggestedTest> forCause(CandidateCause cause) {
        return giFirst(cause.nextTests());
    }

    /**
     * The differential's next tests in the order to propose them: the gastrointestinal evaluation first when the
     * leading cause or a likely one asks for it.
     */
    public static List<SuggestedTest> forDifferential(Differential differential, List<SuggestedTest> tests) {
        boolean gi = false;
        for (CandidateCause cause : differential.causes()) {
            if ((cause.rank() == 1 || cause.likelihood() == Likelihood.LIKELY) && asksForGiEvaluation(cause)) {
                gi = true;
                break;
            }
        }
        return gi ? giFirst(tests) : tests;
    }

    static boolean asksForGiEvaluation(CandidateCause cause) {
        return cause.nextTests().stream().anyMatch(test -> test.code().equals(GI_EVALUATION));
    }

    private static List<SuggestedTest> giFirst(List<SuggestedTest> tests) {
        List<SuggestedTest> ordered = new ArrayList<>(tests.size());
        tests.stream().filter(test -> test.code().equals(GI_EVALUATION)).forEach(ordered::add);
        tests.stream().filter(test -> !test.code().equals(GI_EVALUATION)).forEach(ordered::add);
        return ordered;
    }
}
