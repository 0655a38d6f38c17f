package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.DifferentialEngine;
import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import java.util.List;
import java.util.Objects;

/**
 * The differential engine: the microcytic workup of Donker et al., Blood 2014 (fig. 2), with the
 * thresholds of WHO 2011/2024 (hemoglobin), WHO 2020 (ferritin), AGA 2020 (Ko 2020) and CDC (lead, Ruckart
 * 2021). Knowledge is resolved once at construction; {@link #evaluate} allocates only its result and
 * is thread-safe.
 *
 * @see <a href="https://doi.org/10.1182/blood-2014-01-548776">Donker et al., Blood 2014;123(25):3873-86</a>
 */
public final class GuidelineDifferentialEngine implements DifferentialEngine {

    private final KnowledgeView knowledge;
    private final EngineSettings settings;

    /** Rule knowledge and settings; cause and test displays from the bundled knowledge package. */
    public GuidelineDifferentialEngine(RuleKnowledge knowledge, EngineSettings settings) {
        this(knowledge, KnowledgePackage.load(), settings);
    }

    /**
     * @param knowledge thresholds, indices and reference intervals
     * @param codes the package whose CodeSystems give the cause and test displays (and verified LOINC)
     * @param settings validity windows, cut-off set, refractoriness criterion
     */
    public GuidelineDifferentialEngine(RuleKnowledge knowledge, KnowledgePackage codes, EngineSettings settings) {
        this.knowledge = new KnowledgeView(
                Objects.requireNonNull(knowledge, "knowledge"), Objects.requireNonNull(codes, "codes"));
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The bundled knowledge with default settings, created once (for tests, benchmarks and tools). */
    public static GuidelineDifferentialEngine standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final GuidelineDifferentialEngine INSTANCE =
                new GuidelineDifferentialEngine(RuleKnowledge.bundled(), EngineSettings.defaults());
    }

    public String knowledgeVersion() {
        return knowledge.version;
    }

    public EngineSettings settings() {
        return settings;
    }

    @Override
    public Differential evaluate(LabPanel panel, PatientContext context) {
        return evaluate(panel, context, null);
    }

    /** The evaluation, adding each rule outcome the rules propose to {@code trace} when it is not null. */
    Differential evaluate(LabPanel panel, PatientContext context, List<Board.Proposal> trace) {
        Objects.requireNonNull(panel, "panel");
        Objects.requireNonNull(context, "context");
        Workup facts = Workup.of(knowledge, settings, panel, context);
        if (!facts.applies) {
            return Ranking.empty(facts);
        }
        Board board = new Board(knowledge, trace);
        IronRules.apply(facts, board);
        HemoglobinopathyRules.apply(facts, board);
        AcquiredCauseRules.apply(facts, board);
        IridaRules.apply(facts, board);
        DonkerRules.apply(facts, board);
        KnownDiagnosisRules.apply(facts, board);
        GeneralCaveats.apply(facts, board);
        return Ranking.rank(facts, board);
    }
}
