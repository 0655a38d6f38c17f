package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.microcytic.terminology.NormalizedQuantity.Status;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conversions checked against worked numbers from the molar masses (Hb monomer 16114, Fe 55.845, Pb 207.2 g/mol). */
class QuantityNormalizerTest {

    private final QuantityNormalizer normalizer = QuantityNormalizer.standard();

    @ParameterizedTest(name = "{0} {1} {2} -> {3} ({4})")
    @CsvSource({
        // analyte, value, unit as sent, expected canonical value, expected status
        "HEMOGLOBIN, 10.1, g/dL, 10.1, OK",
        "HEMOGLOBIN, 101, g/L, 10.1, CONVERTED",
        "HEMOGLOBIN, 10.1, g/dl, 10.1, OK",
        // Dutch Hb (monomer, 16114 g/mol): 5 mmol/L = 8.057 g/dL, so a cut-off of 5 mmol/L is about 8.1 g/dL
        "HEMOGLOBIN, 5, mmol/L, 8.057, CONVERTED",
        "HEMOGLOBIN, 6.206, mmol/l, 10.0, CONVERTED",
        "HEMATOCRIT, 0.41, L/L, 41, CONVERTED",
        "HEMATOCRIT, 41, %, 41, OK",
        "HEMATOCRIT, 0.41, 1, 41, CONVERTED",
        "RBC_COUNT, 4.5, 10*12/L, 4.5, CONVERTED",
        "RBC_COUNT, 4.5, 10^12/L, 4.5, CONVERTED",
        "RBC_COUNT, 4.5, x10E6/uL, 4.5, OK",
        "RBC_COUNT, 4.5, M/uL, 4.5, OK",
        "MCV, 68, fL, 68, OK",
        "MCV, 68, fl, 68, OK",
        "MCV, 68, um3, 68, OK",
        // MCH 1.5 fmol (Hb monomer) = 24.17 pg: fmol = pg x 0.06206
        "MCH, 1.5, fmol, 24.171, CONVERTED",
        "MCHC, 320, g/L, 32, CONVERTED",
        "MCHC, 20, mmol/L, 32.228, CONVERTED",
        "RETICULOCYTES_ABSOLUTE, 50, 10*9/L, 50, CONVERTED",
        "RETICULOCYTES_ABSOLUTE, 50000, /uL, 50, CONVERTED",
        "FERRITIN, 8, ng/mL, 8, OK",
        "FERRITIN, 8, ug/L, 8, CONVERTED",
        "FERRITIN, 8, ng/ml, 8, OK",
        // Iron: 10 umol/L x 55.845 = 55.845 ug/dL (ug/dL = umol/L x 5.585)
        "IRON, 10, umol/L, 55.845, CONVERTED",
        "IRON, 10, umol/l, 55.845, CONVERTED",
        "IRON, 10, µmol/L, 55.845, CONVERTED",
        "IRON, 55.845, mcg/dL, 55.845, OK",
        "TIBC, 60, umol/L, 335.07, CONVERTED",
        "UIBC, 50, umol/L, 279.225, CONVERTED",
        "TRANSFERRIN, 2.5, g/L, 250, CONVERTED",
        "CRP, 1.2, mg/dL, 12, CONVERTED",
        "ESR, 30, mm/hr, 30, OK",
        // Lead: 1 umol/L = 20.72 ug/dL (umol/L = ug/dL x 0.0483)
        "BLOOD_LEAD, 0.5, umol/L, 10.36, CONVERTED",
        // Copper 15.74 umol/L ~ 100 ug/dL (x0.1574); zinc 15.3 umol/L ~ 100 ug/dL (x0.1530)
        "COPPER, 15.74, umol/L, 100.02, CONVERTED",
        "ZINC, 15.3, umol/L, 100.03, CONVERTED",
        "CERULOPLASMIN, 0.25, g/L, 25, CONVERTED",
        // Bilirubin 17.1 umol/L = 1 mg/dL
        "BILIRUBIN_TOTAL, 17.1, umol/L, 0.99977, CONVERTED",
        // Glucose 5.55 mmol/L ~ 100 mg/dL (x0.0555)
        "GLUCOSE, 5.55, mmol/L, 99.989, CONVERTED",
        // PLP: nmol/L = ng/mL x 4.046
        "VITAMIN_B6, 10, ng/mL, 40.469, CONVERTED",
        // Protoporphyrin IX: 1 ug/dL = 17.77 nmol/L
        "ERYTHROCYTE_PROTOPORPHYRIN, 1.777, umol/L, 99.992, CONVERTED",
        "ALT, 0.5, ukat/L, 30, CONVERTED",
        "ALT, 30, IU/L, 30, OK",
        "ERYTHROPOIETIN, 12, IU/L, 12, CONVERTED",
        "ERYTHROPOIETIN, 12, mIU/mL, 12, OK",
        "WBC, 6.2, 10^9/L, 6.2, CONVERTED",
        "PLATELETS, 250, K/uL, 250, OK",
        "PLATELETS, 250, G/L, 250, CONVERTED",
        "HBA2, 5.2, %, 5.2, OK",
        // HbA1c: mmol/mol = (% - 2.15) x 10.929, so 48 mmol/mol = 6.54 %
        "HBA1C, 48, mmol/mol, 6.5420, CONVERTED",
        "URINE_PORPHYRINS, 100, ug/d, 100, OK",
        "URINE_PORPHYRINS, 0.1, mg/(24.h), 100, CONVERTED",
        "ZINC_PROTOPORPHYRIN, 72, umol/mol, 72, OK",
        "HEPCIDIN, 4.5, nM, 4.5, OK"
    })
    void convertsToTheCanonicalUnit(Analyte analyte, double value, String unit, double expected, Status status) {
        NormalizedQuantity q = normalizer.normalize(analyte, value, unit);

        assertThat(q.status()).as(q.reason()).isEqualTo(status);
        assertThat(q.value()).isCloseTo(expected, within(expected * 1e-3 + 1e-9));
        assertThat(q.usable()).isTrue();
        assertThat(q.analyte()).isEqualTo(analyte);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "FERRITIN, 25, pmol/L, ASSAY_SPECIFIC, ferritin in molar units",
        "SOLUBLE_TRANSFERRIN_RECEPTOR, 20, nmol/L, ASSAY_SPECIFIC, sTfR assays are not harmonised",
        "HEPCIDIN, 10, ng/mL, ASSAY_SPECIFIC, hepcidin assays are not harmonised",
        "ZINC_PROTOPORPHYRIN, 1.5, umol/L, ASSAY_SPECIFIC, heme content",
        "PLASMA_PORPHYRINS, 10, ug/L, ASSAY_SPECIFIC, mixture",
        "HEMOGLOBIN, 10, gm/dl, OK, ''",
        "HEMOGLOBIN, 10, grams, UNKNOWN_UNIT, neither UCUM nor a known lab spelling",
        "HEMOGLOBIN, 10, '', UNKNOWN_UNIT, no unit given",
        "HEMOGLOBIN, 10, %, UNKNOWN_UNIT, cannot express hemoglobin",
        "HBA2, 0.05, mmol/mol, UNKNOWN_UNIT, cannot express hba2",
        "MCV, 68, pg, UNKNOWN_UNIT, cannot express mcv",
        "HEMOGLOBIN, -1, g/dL, IMPLAUSIBLE, negative value",
        "MCV, 900, fL, IMPLAUSIBLE, outside the possible range 40-150 fL",
        "HEMOGLOBIN, 80, g/dL, IMPLAUSIBLE, probably reported in g/L (8 g/dL)",
        "HEMOGLOBIN, 12, g/L, IMPLAUSIBLE, probably reported in g/dL (12 g/dL)",
        "MCHC, 33, g/L, IMPLAUSIBLE, probably reported in g/dL (33 g/dL)",
        "TRANSFERRIN_SATURATION, 140, %, IMPLAUSIBLE, outside the possible range",
        "HEMATOCRIT, 41, L/L, IMPLAUSIBLE, outside the possible range"
    })
    void flagsWhatItCannotUse(Analyte analyte, double value, String unit, Status status, String reason) {
        NormalizedQuantity q = normalizer.normalize(analyte, value, unit);

        assertThat(q.status()).isEqualTo(status);
        if (status != Status.OK) {
            assertThat(q.usable()).isFalse();
            assertThat(q.reason()).contains(reason);
        }
    }
}
