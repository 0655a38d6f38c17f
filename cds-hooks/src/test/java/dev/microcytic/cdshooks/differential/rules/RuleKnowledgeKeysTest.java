package dev.microcytic.cdshooks.differential.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.knowledge.KnowledgePackage;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The keys the rules use and the entries of the knowledge package match both ways. */
class RuleKnowledgeKeysTest {

    static final RuleKnowledge K = RuleKnowledge.bundled();

    @Test
    void everyScoreTheRulesUseIsInThePackageAndEveryPackagedScoreIsUsed() {
        Set<String> used = Stream.of(Score.values()).map(Score::key).collect(Collectors.toSet());
        assertThat(K.scores().ids()).containsExactlyInAnyOrderElementsOf(used);
    }

    @Test
    void theViewResolvesEachScoreToItsPackagedValue() {
        KnowledgeView view = new KnowledgeView(K, KnowledgePackage.load());
        for (Score score : Score.values()) {
            assertThat(view.score(score)).as(score.key()).isEqualTo(K.scores().get(score.key()));
        }
        assertThat(view.score(Score.IRON_DEFICIENCY_ABSENT_STORES)).isEqualTo(330);
        assertThat(view.score(Score.GATE_RARE_IRON_LOADING_FLOOR)).isEqualTo(90);
    }

    @Test
    void everySentenceTheRulesRenderIsInThePackageWithTheSamePlaceholders() {
        Set<String> used = Stream.of(
                        Stream.of(Wording.values()).map(w -> w.key),
                        Stream.of(RuleText.values()).map(t -> t.key),
                        Stream.of(Finding.values()).map(f -> f.key),
                        Stream.of(Meaning.values()).map(m -> m.key),
                        Stream.of(TestReason.values()).map(r -> r.key),
                        Stream.of(RareCaveat.values()).map(c -> c.key))
                .flatMap(s -> s)
                .collect(Collectors.toSet());
        assertThat(K.statements().ids()).containsExactlyInAnyOrderElementsOf(used);
        for (Wording wording : Wording.values()) {
            assertThat(K.statements().get(wording.key, wording.placeholders).placeholders())
                    .as(wording.key)
                    .isEqualTo(wording.placeholders);
        }
        for (RuleText text : RuleText.values()) {
            assertThat(K.statements().get(text.key, text.placeholders).placeholders())
                    .as(text.key)
                    .isEqualTo(text.placeholders);
        }
        for (RareCaveat caveat : RareCaveat.values()) {
            assertThat(K.statements().get(caveat.key, caveat.placeholders).placeholders())
                    .as(caveat.key)
                    .isEqualTo(caveat.placeholders);
        }
        for (Finding finding : Finding.values()) {
            assertThat(K.statements().get(finding.key, finding.placeholders).placeholders())
                    .as(finding.key)
                    .isEqualTo(finding.placeholders);
        }
        KnowledgeView view = new KnowledgeView(K, KnowledgePackage.load());
        assertThat(view.wording(Wording.KNOWN_DIAGNOSIS).render("thalassaemia"))
                .isEqualTo("Known diagnosis on the problem list (thalassaemia): explained rather than re-diagnosed.");
        assertThat(view.text(RuleText.EV_HB_VARIANT_UNEXPLAINED).render("61.5", "38.5"))
                .isEqualTo(
                        "HbA + HbA2 + HbF + HbE + HbH = 61.5 %: 38.5 % is another variant (e.g. HbC, HbS, Hb Lepore)");
        assertThat(view.meaning(Meaning.LEAD_CHELATION_RANGE_URGENT_MANAGEMENT))
                .isEqualTo("chelation range: urgent management");
        assertThat(view.reason(TestReason.BLOOD_LEAD_CONFIRM_CAPILLARY_RESULT_VENOUS_SAMPLE))
                .isEqualTo("Confirm a capillary result with a venous sample; follow the level");
    }
}
