package dev.microcytic.terminology.knowledge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.HemoglobinCutoffSet;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleKnowledgeTest {

    static final RuleKnowledge K = RuleKnowledge.bundled();
    static final LocalDate ON = LocalDate.of(2026, 3, 2);

    @Test
    void everyThresholdHasSourcesAndAKnownAnalyteAndComparator() {
        Set<String> analytes = Stream.of(Analyte.values()).map(Enum::name).collect(Collectors.toSet());
        assertThat(K.thresholds().all()).hasSizeGreaterThan(60);
        for (Threshold t : K.thresholds().all()) {
            assertThat(t.sources()).as(t.id()).isNotEmpty();
            assertThat(t.comparator()).as(t.id()).isIn("<", "<=", ">", ">=");
            if (t.analyte() != null) {
                assertThat(analytes).as(t.id()).contains(t.analyte());
            }
        }
    }

    @Test
    void everyScoreHasSourcesAndLiesOnTheRankingScale() {
        assertThat(K.scores().all()).hasSizeGreaterThan(100);
        for (Scores.Score s : K.scores().all()) {
            assertThat(s.sources()).as(s.id()).isNotEmpty();
            assertThat(s.value()).as(s.id()).isBetween(90, 400);
            assertThat(s.meaning()).as(s.id()).isNotBlank();
        }
        assertThat(K.scores().get("iron-deficiency-absent-stores")).isEqualTo(330);
        assertThat(K.scores().get("lead-chelation-range")).isEqualTo(340);
        assertThatThrownBy(() -> K.scores().get("no-such-score"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-score");
    }

    @Test
    void statementTemplatesRenderTheirPlaceholdersInOrderAndCheckThem() {
        var since = K.statements().get("caveat.since", List.of("date"));
        assertThat(since.render("2026-01-05")).isEqualTo(" since 2026-01-05");
        assertThat(since.sourceId()).isEqualTo("donker-2014");
        var pregnancy = K.statements().get("caveat.pregnancy", List.of("cutoffSet", "population", "hemoglobinBelow"));
        assertThat(pregnancy.render("WHO_2024", "pregnant, 2nd trimester", "10.5"))
                .startsWith("Pregnancy: WHO_2024 cut-off for pregnant, 2nd trimester (Hb < 10.5 g/dL); ferritin");
        assertThatThrownBy(() -> since.render())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caveat.since");
        assertThatThrownBy(() -> K.statements().get("caveat.since", List.of("day")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[date]");
        K.statements().all().forEach(t -> assertThat(t.sources()).as(t.id()).isNotEmpty());
    }

    @ParameterizedTest
    @CsvSource({
        "ferritin.possible-id,44.9,true",
        "ferritin.possible-id,45,false",
        "lead.chelation,45,true",
        "lead.chelation,44.9,false",
        "hba2.beta-trait,3.5,false",
        "hba2.beta-trait,3.51,true"
    })
    void thresholdsTestTheirComparator(String id, double value, boolean holds) {
        assertThat(K.thresholds().get(id).test(value)).isEqualTo(holds);
    }

    @Test
    void unknownThresholdFailsFast() {
        assertThatThrownBy(() -> K.thresholds().get("no.such")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indicesHavePublishedPerformanceAndSources() {
        assertThat(K.indices().all())
                .extracting(DiscriminationIndexDefinition::code)
                .containsExactly(
                        "mentzer",
                        "england-fraser",
                        "green-king",
                        "rdwi",
                        "sirdah",
                        "ehsani",
                        "shine-lal",
                        "srivastava",
                        "ricerca",
                        "rbc-count");
        DiscriminationIndexDefinition mentzer = K.indices().find("mentzer").orElseThrow();
        assertThat(mentzer.cutoff()).isEqualTo(13);
        assertThat(mentzer.sensitivity()).isEqualTo(98.7);
        assertThat(mentzer.favoursThalassemia(12.9)).isTrue();
        assertThat(mentzer.favoursThalassemia(13)).isFalse();
        assertThat(K.indices().find("rbc-count").orElseThrow().favoursThalassemia(5.1))
                .isTrue();
        K.indices().all().forEach(d -> assertThat(d.sources()).as(d.code()).isNotEmpty());
    }

    @ParameterizedTest(name = "{0}: age {1} y sex {2} pregnancy {3} → Hb < {4}")
    @CsvSource({
        "WHO_2024,40,MALE,NOT_PREGNANT,13.0",
        "WHO_2024,40,FEMALE,NOT_PREGNANT,12.0",
        "WHO_2024,40,UNKNOWN,NOT_PREGNANT,12.0",
        "WHO_2024,1,FEMALE,NOT_PREGNANT,10.5",
        "WHO_2011,1,FEMALE,NOT_PREGNANT,11.0",
        "WHO_2024,3,MALE,NOT_PREGNANT,11.0",
        "WHO_2024,30,FEMALE,SECOND_TRIMESTER,10.5",
        "WHO_2011,30,FEMALE,SECOND_TRIMESTER,11.0",
        "WHO_2024,30,FEMALE,PREGNANT_TRIMESTER_UNKNOWN,11.0",
        "WHO_2024,13,MALE,NOT_PREGNANT,12.0",
        "WHO_2024,16,MALE,NOT_PREGNANT,13.0",
    })
    void hemoglobinCutoffs(HemoglobinCutoffSet set, int years, Sex sex, Pregnancy pregnancy, double below) {
        var cutoff = K.referenceIntervals().anemiaCutoff(set, ON.minusYears(years), ON, sex, pregnancy);
        assertThat(cutoff.anemiaBelow()).isEqualTo(below);
        assertThat(cutoff.sources()).isNotEmpty();
    }

    @Test
    void ageBandsAreHalfOpen() {
        LocalDate birth = ON.minusYears(2);
        assertThat(K.referenceIntervals()
                        .limit(Table.MCV_LOWER, birth, ON)
                        .orElseThrow()
                        .value())
                .isEqualTo(75);
        assertThat(K.referenceIntervals()
                        .limit(Table.MCV_LOWER, birth, ON.minusDays(1))
                        .orElseThrow()
                        .value())
                .isEqualTo(70);
        assertThat(K.referenceIntervals()
                        .limit(Table.MCV_LOWER, null, ON)
                        .orElseThrow()
                        .value())
                .isEqualTo(80);
        assertThat(K.referenceIntervals()
                        .limit(Table.FERRITIN_ABSENT_STORES, ON.minusMonths(10), ON)
                        .orElseThrow()
                        .sourceId())
                .isEqualTo("domellof-2002");
    }
}
