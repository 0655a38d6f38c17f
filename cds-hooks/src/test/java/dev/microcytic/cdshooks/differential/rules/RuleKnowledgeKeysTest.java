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
        Set<String> used = Stream.concat(
                        Stream.of(Wording.values()).map(w -> w.key),
                        Stream.of(RuleText.values()).map(t -> t.key))
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
        KnowledgeView view = new KnowledgeView(K, KnowledgePackage.load());
        assertThat(view.wording(Wording.KNOWN_DIAGNOSIS).render("thalassaemia"))
                .isEqualTo("Known diagnosis on the problem list (thalassaemia): explained rather than re-diagnosed.");
        assertThat(view.text(RuleText.EV_HB_VARIANT_UNEXPLAINED).render("61.5", "38.5"))
                .isEqualTo(
                        "HbA + HbA2 + HbF + HbE + HbH = 61.5 %: 38.5 % is another variant (e.g. HbC, HbS, Hb Lepore)");
    }
}
