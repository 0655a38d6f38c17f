package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.Likelihood;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.cdshooks.differential.Urgency;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * A candidate cause while the rules run. The score orders causes within a likelihood band: 300+ = a confirmatory
 * value or a known diagnosis (tier A), 200–299 = pattern plus a supportive value (tier B), below 200 = pattern only or
 * "cannot exclude" (tier C). The weights are the knowledge package's {@code scores.json}; the tier boundary stays
 * here because {@link Ranking} gates on it.
 */
final class CauseBuilder {

    static final int TIER_A = 300;

    final Cause cause;
    Likelihood likelihood;
    int score;
    Urgency urgency = Urgency.INFO;
    final List<Evidence> supporting = new ArrayList<>(4);
    final List<Evidence> opposing = new ArrayList<>(2);
    final EnumSet<NextTest> tests = EnumSet.noneOf(NextTest.class);
    final Map<NextTest, String> reasons = new EnumMap<>(NextTest.class);
    final List<Caveat> caveats = new ArrayList<>(2);

    CauseBuilder(Cause cause, Likelihood likelihood, int score) {
        this.cause = cause;
        this.likelihood = likelihood;
        this.score = score;
    }

    /** Keeps the stronger of the current and the proposed band/score. */
    CauseBuilder raise(Likelihood proposed, int proposedScore) {
        if (proposed.ordinal() < likelihood.ordinal()) {
            likelihood = proposed;
        }
        if (proposedScore > score) {
            score = proposedScore;
        }
        return this;
    }

    /** Caps the band and score (missing data, gating of rare causes). */
    void cap(Likelihood best, int maxScore) {
        if (likelihood.ordinal() < best.ordinal()) {
            likelihood = best;
        }
        if (score > maxScore) {
            score = maxScore;
        }
    }

    CauseBuilder support(Evidence evidence) {
        if (evidence != null) {
            supporting.add(evidence);
        }
        return this;
    }

    CauseBuilder oppose(Evidence evidence) {
        if (evidence != null) {
            opposing.add(evidence);
        }
        return this;
    }

    CauseBuilder test(NextTest test, String reason) {
        if (tests.add(test)) {
            reasons.put(test, reason);
        }
        return this;
    }

    CauseBuilder caveat(Caveat caveat) {
        if (caveat != null && !caveats.contains(caveat)) {
            caveats.add(caveat);
        }
        return this;
    }

    CauseBuilder urgency(Urgency proposed) {
        if (proposed.ordinal() > urgency.ordinal()) {
            urgency = proposed;
        }
        return this;
    }

    List<SuggestedTest> suggestedTests(KnowledgeView k) {
        List<SuggestedTest> out = new ArrayList<>(tests.size());
        for (NextTest test : tests) {
            out.add(k.suggested(test, reasons.get(test)));
        }
        return out;
    }

    CandidateCause build(int rank, KnowledgeView k) {
        return new CandidateCause(
                cause.code(),
                k.causeDisplays[cause.ordinal()],
                likelihood,
                rank,
                urgency,
                supporting,
                opposing,
                suggestedTests(k),
                caveats);
    }
}
