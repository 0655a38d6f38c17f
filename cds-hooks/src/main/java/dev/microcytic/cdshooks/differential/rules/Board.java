package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.Likelihood;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;

/**
 * Where the rule families put their proposals: one candidate per cause (a second proposal of the same cause keeps the
 * stronger band and score) and the caveats for the whole interpretation. Read by later families (a rule may add to a
 * cause an earlier one proposed) and by {@link Ranking}, which orders and gates the candidates once at the end. One
 * board per evaluation.
 */
final class Board {

    private final KnowledgeView k;
    private final EnumMap<Cause, CauseBuilder> causes = new EnumMap<>(Cause.class);
    private final List<Caveat> caveats = new ArrayList<>(4);
    /** Null in service: only the rule catalogue's consistency test records which rule outcome proposed what. */
    private final List<Proposal> trace;

    /** One rule outcome as proposed, before raising, capping and gating. */
    record Proposal(Score score, Cause cause, Likelihood likelihood) {}

    Board(KnowledgeView k) {
        this(k, null);
    }

    Board(KnowledgeView k, List<Proposal> trace) {
        this.k = k;
        this.trace = trace;
    }

    /** Proposes a cause with the packaged weight of a rule outcome. */
    CauseBuilder propose(Cause cause, Likelihood likelihood, Score score) {
        if (trace != null) {
            trace.add(new Proposal(score, cause, likelihood));
        }
        return propose(cause, likelihood, k.score(score));
    }

    /** The packaged weight of a rule outcome, for raising or capping an earlier proposal. */
    int score(Score score) {
        return k.score(score);
    }

    /** Proposes a cause, or raises an earlier proposal to the stronger band and score. */
    CauseBuilder propose(Cause cause, Likelihood likelihood, int score) {
        CauseBuilder builder = causes.get(cause);
        if (builder == null) {
            builder = new CauseBuilder(cause, likelihood, score);
            causes.put(cause, builder);
            return builder;
        }
        return builder.raise(likelihood, score);
    }

    /** The proposal for a cause, or null. */
    CauseBuilder cause(Cause cause) {
        return causes.get(cause);
    }

    /** Withdraws a proposal (a known diagnosis explains what it proposed). */
    void withdraw(Cause cause) {
        causes.remove(cause);
    }

    boolean has(Cause cause) {
        return causes.containsKey(cause);
    }

    void caveat(Caveat caveat) {
        if (!caveats.contains(caveat)) {
            caveats.add(caveat);
        }
    }

    /** The proposals in cause order. */
    Collection<CauseBuilder> proposals() {
        return causes.values();
    }

    List<Caveat> caveats() {
        return caveats;
    }
}
