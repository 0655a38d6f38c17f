package dev.microcytic.terminology;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How one analyte's values may be converted and what range is physically possible (not a reference interval: a value
 * outside it is a unit or transcription error, not disease).
 *
 * @param plausibleMin lowest possible value in the canonical unit
 * @param plausibleMax highest possible value in the canonical unit
 * @param molarMass g/mol used for molar-mass conversions (mmol/L = g/L / molar mass x 1000), or null when the
 *     analyte has no single molar mass
 * @param ratioUnits for dimensionless canonical units: the only units accepted (UCUM would otherwise convert any ratio
 *     to any other, e.g. HbA1c mmol/mol to %)
 * @param assaySpecific dimension probe (a UCUM unit) to the reason values of that dimension are not converted
 * @param unitEquivalents units read as another for this analyte ([IU]/L is U/L for enzymes)
 * @param largerUnitHint the unit a value ten times too large was probably sent in (Hb 80 "g/dL" is g/L), or null
 * @param smallerUnitHint the unit a value ten times too small was probably sent in (Hb 12 "g/L" is g/dL), or null
 */
record QuantityRule(
        double plausibleMin,
        double plausibleMax,
        Double molarMass,
        Set<String> ratioUnits,
        Map<String, String> assaySpecific,
        Map<String, String> unitEquivalents,
        String largerUnitHint,
        String smallerUnitHint) {

    /** Hb monomer (one heme, 16114 g/mol), as Dutch and Scandinavian labs report it: g/dL x 0.6206 = mmol/L. */
    static final double HB_MONOMER = 16114;

    static final double IRON = 55.845;
    static final double COPPER = 63.546;
    static final double ZINC = 65.38;
    static final double LEAD = 207.2;
    static final double BILIRUBIN = 584.66;
    static final double GLUCOSE = 180.16;
    static final double PYRIDOXAL_PHOSPHATE = 247.1;
    static final double PROTOPORPHYRIN_IX = 562.7;

    private static final String MOLAR = "mol/L";
    private static final String MASS = "g/L";

    static Map<Analyte, QuantityRule> standard() {
        Map<Analyte, QuantityRule> r = new EnumMap<>(Analyte.class);
        r.put(
                Analyte.HEMOGLOBIN,
                range(2, 26).molar(HB_MONOMER).hint("g/L", "g/dL").build());
        r.put(Analyte.HEMATOCRIT, range(5, 80).ratio("%", "L/L", "1").build());
        r.put(Analyte.RBC_COUNT, range(0.3, 10).build());
        r.put(Analyte.MCV, range(40, 150).build());
        r.put(Analyte.MCH, range(8, 50).molar(HB_MONOMER).build());
        r.put(Analyte.MCHC, range(18, 45).molar(HB_MONOMER).hint("g/L", "g/dL").build());
        r.put(Analyte.RDW_CV, range(5, 45).ratio("%").build());
        r.put(Analyte.RDW_SD, range(15, 150).build());
        r.put(Analyte.RETICULOCYTES_PERCENT, range(0, 70).ratio("%").build());
        r.put(Analyte.RETICULOCYTES_ABSOLUTE, range(0, 2000).build());
        r.put(Analyte.RETICULOCYTE_HEMOGLOBIN, range(8, 50).build());
        r.put(
                Analyte.FERRITIN,
                range(0, 200_000)
                        .assaySpecific(
                                MOLAR,
                                "ferritin in molar units depends on the assumed molecular mass (~445 kDa, approximate:"
                                        + " pmol/L = ug/L x 2.247) and is often ug/L mislabelled; not converted")
                        .build());
        r.put(Analyte.IRON, range(0, 1500).molar(IRON).build());
        r.put(Analyte.TIBC, range(0, 1500).molar(IRON).build());
        r.put(Analyte.UIBC, range(0, 1500).molar(IRON).build());
        r.put(
                Analyte.TRANSFERRIN,
                range(0, 1500)
                        .assaySpecific(
                                MOLAR, "transferrin in molar units needs an assay-specific factor; not converted")
                        .build());
        r.put(Analyte.TRANSFERRIN_SATURATION, range(0, 100).ratio("%").build());
        r.put(
                Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR,
                range(0, 200)
                        .assaySpecific(
                                MOLAR,
                                "sTfR assays are not harmonised (no international standard): nmol/L results cannot be"
                                        + " converted to mg/L across platforms")
                        .build());
        r.put(Analyte.CRP, range(0, 1500).build());
        r.put(Analyte.ESR, range(0, 200).build());
        r.put(
                Analyte.ZINC_PROTOPORPHYRIN,
                range(0, 10_000)
                        .ratio("umol/mol")
                        .assaySpecific(
                                MOLAR,
                                "ZPP per litre of red cells needs the cells' heme content to become umol/mol heme;"
                                        + " not converted")
                        .assaySpecific(
                                MASS,
                                "ZPP as mass per volume of whole blood depends on the hemoglobin; not converted to"
                                        + " umol/mol heme")
                        .build());
        r.put(
                Analyte.ERYTHROCYTE_PROTOPORPHYRIN,
                range(0, 20_000).molar(PROTOPORPHYRIN_IX).build());
        r.put(Analyte.BLOOD_LEAD, range(0, 1000).molar(LEAD).build());
        for (Analyte fraction : new Analyte[] {Analyte.HBA2, Analyte.HBA, Analyte.HBF, Analyte.HBH, Analyte.HBE}) {
            r.put(fraction, range(0, 100).ratio("%").build());
        }
        r.put(
                Analyte.HEPCIDIN,
                range(0, 500)
                        .assaySpecific(
                                MASS,
                                "hepcidin assays are not harmonised; a mass result is not converted to nmol/L (use the"
                                        + " performing lab's range)")
                        .build());
        r.put(Analyte.CERULOPLASMIN, range(0, 300).build());
        r.put(Analyte.COPPER, range(0, 2000).molar(COPPER).build());
        r.put(Analyte.ZINC, range(0, 2000).molar(ZINC).build());
        r.put(Analyte.VITAMIN_B6, range(0, 20_000).molar(PYRIDOXAL_PHOSPHATE).build());
        r.put(
                Analyte.URINE_PORPHYRINS,
                range(0, 2_000_000)
                        .assaySpecific(
                                "mol/d",
                                "total porphyrins are a mixture without one molar mass; a molar result is not"
                                        + " converted to mass")
                        .build());
        r.put(
                Analyte.PLASMA_PORPHYRINS,
                range(0, 100_000)
                        .assaySpecific(
                                MASS,
                                "total porphyrins are a mixture without one molar mass; a mass result is not converted"
                                        + " to nmol/L")
                        .build());
        r.put(Analyte.ALT, range(0, 50_000).equivalent("[IU]/L", "U/L").build());
        r.put(Analyte.HAPTOGLOBIN, range(0, 1000).build());
        r.put(Analyte.LDH, range(0, 100_000).equivalent("[IU]/L", "U/L").build());
        r.put(Analyte.BILIRUBIN_TOTAL, range(0, 80).molar(BILIRUBIN).build());
        r.put(Analyte.WBC, range(0, 1500).build());
        r.put(Analyte.PLATELETS, range(0, 10_000).build());
        r.put(Analyte.ERYTHROPOIETIN, range(0, 200_000).build());
        r.put(Analyte.HBA1C, range(2, 25).ratio("%", "mmol/mol").build());
        r.put(Analyte.GLUCOSE, range(0, 3000).molar(GLUCOSE).build());
        return r;
    }

    private static Builder range(double min, double max) {
        return new Builder(min, max);
    }

    private static final class Builder {
        private final double min;
        private final double max;
        private Double molarMass;
        private Set<String> ratioUnits = Set.of();
        private final Map<String, String> assaySpecific = new LinkedHashMap<>();
        private final Map<String, String> equivalents = new LinkedHashMap<>();
        private String largerHint;
        private String smallerHint;

        Builder(double min, double max) {
            this.min = min;
            this.max = max;
        }

        Builder molar(double gramsPerMole) {
            this.molarMass = gramsPerMole;
            return this;
        }

        Builder ratio(String... units) {
            this.ratioUnits = Set.of(units);
            return this;
        }

        Builder assaySpecific(String dimensionProbe, String reason) {
            assaySpecific.put(dimensionProbe, reason);
            return this;
        }

        Builder equivalent(String unit, String readAs) {
            equivalents.put(unit, readAs);
            return this;
        }

        Builder hint(String largerUnit, String smallerUnit) {
            this.largerHint = largerUnit;
            this.smallerHint = smallerUnit;
            return this;
        }

        QuantityRule build() {
            return new QuantityRule(
                    min,
                    max,
                    molarMass,
                    ratioUnits,
                    Map.copyOf(assaySpecific),
                    Map.copyOf(equivalents),
                    largerHint,
                    smallerHint);
        }
    }
}
