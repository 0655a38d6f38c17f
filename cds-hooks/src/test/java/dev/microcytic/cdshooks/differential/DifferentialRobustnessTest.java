package dev.microcytic.cdshooks.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.rules.GuidelineDifferentialEngine;
import dev.microcytic.cdshooks.differential.rules.NextTest;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Random but plausible inputs (fixed seed): the engine never fails and its output keeps its invariants. */
class DifferentialRobustnessTest {

    static final Set<String> TEST_CODES =
            Stream.of(NextTest.values()).map(NextTest::code).collect(Collectors.toSet());

    @Test
    void randomPatientsNeverBreakTheEngine() {
        Random random = new Random(20260302L);
        DifferentialEngine engine = GuidelineDifferentialEngine.standard();
        LocalDate date = LocalDate.of(2026, 3, 2);
        int nonEmpty = 0;
        for (int n = 0; n < 3000; n++) {
            List<LabValue> labs = new ArrayList<>();
            for (Analyte analyte : Analyte.values()) {
                if (random.nextDouble() < 0.35) {
                    int count = 1 + random.nextInt(3);
                    for (int i = 0; i < count; i++) {
                        Instant at = date.atTime(10, 0)
                                .toInstant(ZoneOffset.UTC)
                                .minusSeconds(random.nextInt(400) * 86_400L + random.nextInt(600) * 60L);
                        double value = plausible(analyte, random);
                        Double low = random.nextDouble() < 0.1 ? value * (0.8 + random.nextDouble() * 0.4) : null;
                        labs.add(new LabValue(
                                analyte,
                                value,
                                at,
                                "Observation/" + n + "-" + i,
                                low,
                                null,
                                random.nextDouble() < 0.05));
                    }
                }
            }
            Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
            for (ClinicalFlag flag : ClinicalFlag.values()) {
                if (random.nextDouble() < 0.06) {
                    flags.add(flag);
                }
            }
            List<MedicationExposure> meds = new ArrayList<>();
            for (MedicationClass med : MedicationClass.values()) {
                if (random.nextDouble() < 0.06) {
                    Integer start = random.nextDouble() < 0.2 ? null : random.nextInt(400);
                    Integer end = random.nextDouble() < 0.6 || start == null ? null : random.nextInt(start + 1);
                    meds.add(new MedicationExposure(
                            med,
                            start == null ? null : date.minusDays(start),
                            end == null ? null : date.minusDays(end),
                            end == null && random.nextBoolean()));
                }
            }
            LocalDate birth = random.nextDouble() < 0.1 ? null : date.minusDays(random.nextInt(90 * 365));
            Sex sex = Sex.values()[random.nextInt(Sex.values().length)];
            Pregnancy pregnancy = Pregnancy.values()[random.nextInt(Pregnancy.values().length)];
            LocalDate transfusion = random.nextDouble() < 0.1 ? date.minusDays(random.nextInt(200)) : null;
            PatientContext context = new PatientContext(date, birth, sex, pregnancy, flags, meds, transfusion);

            Differential d = engine.evaluate(LabPanel.of(labs), context);

            assertThat(d.knowledgeVersion()).isEqualTo("1.1.0");
            for (int i = 0; i < d.causes().size(); i++) {
                CandidateCause cause = d.causes().get(i);
                assertThat(cause.rank()).isEqualTo(i + 1);
                assertThat(CauseCoverageTest.CAUSE_CODES).contains(cause.code());
                assertThat(cause.display()).isNotBlank();
                cause.nextTests().forEach(t -> assertThat(TEST_CODES).contains(t.code()));
                cause.supporting().forEach(e -> assertThat(e.statement()).isNotBlank());
            }
            assertThat(d.causes().stream().map(CandidateCause::code)).doesNotHaveDuplicates();
            assertThat(d.nextTests().stream().map(SuggestedTest::code)).doesNotHaveDuplicates();
            if (!d.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).isGreaterThan(300);
    }

    static double plausible(Analyte analyte, Random r) {
        return switch (analyte) {
            case HEMOGLOBIN -> 4 + r.nextDouble() * 14;
            case MCV -> 45 + r.nextDouble() * 60;
            case MCH -> 14 + r.nextDouble() * 20;
            case RBC_COUNT -> 1 + r.nextDouble() * 6.5;
            case FERRITIN -> r.nextDouble() < 0.5 ? r.nextDouble() * 60 : r.nextDouble() * 2000;
            case TRANSFERRIN_SATURATION -> r.nextDouble() * 100;
            case CRP -> r.nextDouble() < 0.6 ? r.nextDouble() * 8 : r.nextDouble() * 300;
            case HBA2 -> r.nextDouble() < 0.8 ? 1 + r.nextDouble() * 5 : r.nextDouble() * 40;
            case HBF, HBE, HBH, HBA -> r.nextDouble() * 100;
            case BLOOD_LEAD -> r.nextDouble() * 90;
            default -> r.nextDouble() * 500;
        };
    }
}
