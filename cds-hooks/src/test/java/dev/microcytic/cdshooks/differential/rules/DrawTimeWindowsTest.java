package dev.microcytic.cdshooks.differential.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.cdshooks.differential.EngineSettings;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.MedicationExposure;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import dev.microcytic.terminology.knowledge.KnowledgePackage;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Windows are counted from the blood draw, not from the evaluation date: IV iron (12 weeks), the iron-free 3 months
 * before a hepcidin, a transfusion's 3 months for Hb responses, and an oral iron absorption test only with a
 * documented dose and its time. Each row sits on one side of its rule.
 */
class DrawTimeWindowsTest {

    private static final KnowledgeView K = new KnowledgeView(RuleKnowledge.bundled(), KnowledgePackage.load());
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
    private static final Instant NOON = TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);

    private static Instant daysAgo(long days) {
        return NOON.minusSeconds(days * 86_400L);
    }

    private static LabValue lab(Analyte analyte, double value, Instant at) {
        return new LabValue(
                analyte, value, at, "Observation/" + analyte + "-" + at.getEpochSecond(), null, null, false);
    }

    private static List<LabValue> microcyticCbc() {
        List<LabValue> labs = new ArrayList<>();
        labs.add(lab(Analyte.HEMOGLOBIN, 10.5, NOON));
        labs.add(lab(Analyte.MCV, 66, NOON));
        labs.add(lab(Analyte.MCH, 21, NOON));
        return labs;
    }

    private static Workup workup(List<LabValue> labs, List<MedicationExposure> meds, List<LocalDate> transfusions) {
        PatientContext ctx = new PatientContext(
                TODAY, TODAY.minusYears(30), Sex.FEMALE, Pregnancy.NOT_PREGNANT, Set.of(), meds, null, transfusions);
        return Workup.of(K, EngineSettings.defaults(), LabPanel.of(labs), ctx);
    }

    @ParameterizedTest(name = "iron studies drawn {0} days after IV iron given 300 days ago: loading evidence {1}")
    @CsvSource({"3, false", "14, false", "60, false", "83, false", "85, true", "150, true"})
    void ironStudiesSoonAfterIvIronAreNeverIronLoadingHoweverOld(int daysAfterIvIron, boolean counts) {
        LocalDate ivIron = TODAY.minusDays(300);
        Instant drawn = daysAgo(300 - daysAfterIvIron);
        List<LabValue> labs = microcyticCbc();
        labs.add(lab(Analyte.FERRITIN, 900, drawn));
        labs.add(lab(Analyte.TRANSFERRIN_SATURATION, 70, drawn));
        Workup w = workup(
                labs, List.of(new MedicationExposure(MedicationClass.IV_IRON, ivIron, ivIron, false)), List.of());

        assertThat(w.ferritinForLoading() != null).isEqualTo(counts);
        assertThat(w.tsatForLoading() != null).isEqualTo(counts);
    }

    @ParameterizedTest(name = "hepcidin drawn {1} days after {0} ended: read {2}")
    @CsvSource({
        "ORAL_IRON, 5, false",
        "ORAL_IRON, 60, false",
        "ORAL_IRON, 89, false",
        "ORAL_IRON, 91, true",
        "ORAL_IRON, 150, true",
        "IV_IRON, 86, false",
        "IV_IRON, 95, true"
    })
    void hepcidinNeedsThreeIronFreeMonthsBeforeTheDraw(MedicationClass iron, int daysSinceLastIron, boolean read) {
        List<LabValue> labs = microcyticCbc();
        labs.add(lab(Analyte.HEPCIDIN, 4.0, NOON));
        labs.add(lab(Analyte.TRANSFERRIN_SATURATION, 5, NOON));
        LocalDate end = TODAY.minusDays(daysSinceLastIron);
        Workup w = workup(labs, List.of(new MedicationExposure(iron, end.minusDays(30), end, false)), List.of());

        assertThat(w.val(Analyte.HEPCIDIN) != null).isEqualTo(read);
    }

    @ParameterizedTest(name = "{0} with transfusions {1} days ago: {2}")
    @CsvSource({
        "ORAL_IRON, '', RESPONSIVE",
        "ORAL_IRON, '20', NO_DATA",
        "ORAL_IRON, '42', NO_DATA",
        "ORAL_IRON, '200', RESPONSIVE",
        "ORAL_IRON, '200;20', NO_DATA",
        "ORAL_IRON, '10;200', NO_DATA",
        "PYRIDOXINE, '', RESPONSIVE",
        "PYRIDOXINE, '20', NO_DATA",
        "PYRIDOXINE, '150', RESPONSIVE"
    })
    void hbInsideATransfusionWindowIsLeftOutOfEveryResponse(
            MedicationClass treatment, String transfusionDays, Workup.Response expected) {
        List<LabValue> labs = microcyticCbc();
        labs.add(lab(Analyte.HEMOGLOBIN, 8.0, daysAgo(45)));
        labs.add(lab(Analyte.HEMOGLOBIN, 9.6, daysAgo(1)));
        List<LocalDate> transfusions = new ArrayList<>();
        for (String d : transfusionDays.split(";")) {
            if (!d.isBlank()) {
                transfusions.add(TODAY.minusDays(Long.parseLong(d.trim())));
            }
        }
        Workup w =
                workup(labs, List.of(new MedicationExposure(treatment, TODAY.minusDays(40), null, true)), transfusions);

        Workup.Response response = treatment == MedicationClass.ORAL_IRON ? w.oralIronResponse : w.pyridoxineResponse;
        assertThat(response).isEqualTo(expected);
    }

    @ParameterizedTest(name = "serum iron 40 -> 55 ug/dL 4 h apart, dose taken {0} min before the second, {1} mg: {2}")
    @CsvSource({
        "'', '', NONE",
        "240, '', NONE",
        "240, 0, NONE",
        "240, 200, POOR",
        "200, 200, POOR",
        "60, 200, NONE",
        "400, 200, NONE"
    })
    void anAbsorptionTestCountsOnlyWithADocumentedDoseAndTiming(String minutesBefore, String doseMg, String verdict) {
        List<LabValue> labs = microcyticCbc();
        labs.add(lab(Analyte.IRON, 40, NOON.minusSeconds(240 * 60L)));
        labs.add(lab(Analyte.IRON, 55, NOON));
        List<MedicationExposure> meds = new ArrayList<>();
        if (!minutesBefore.isBlank()) {
            meds.add(new MedicationExposure(
                    MedicationClass.ORAL_IRON,
                    null,
                    null,
                    false,
                    NOON.minusSeconds(Long.parseLong(minutesBefore) * 60L),
                    doseMg.isBlank() ? null : Double.parseDouble(doseMg)));
        }
        Workup w = workup(labs, meds, List.of());

        Boolean expected = verdict.equals("NONE") ? null : Boolean.FALSE;
        assertThat(w.oiatAdequate).isEqualTo(expected);
        if (expected != null) {
            assertThat(w.oiatEvidence.statement()).contains("rose 15 ug/dL", "200 mg oral iron", "poor absorption");
        }
    }
}
