package dev.microcytic.bench.growth;

/**
 * The lab analytes of a synthetic patient: the 7 of the CBC and 6 iron studies, with the LOINC code, display and UCUM
 * unit of the benchmark fixtures and the README walkthrough, and the laboratory's reference range (women; men where
 * it differs) that each result carries.
 */
enum LabAnalyte {
    HEMOGLOBIN("718-7", "Hemoglobin [Mass/volume] in Blood", "Hemoglobin", "g/dL", 1, 12.0, 15.5, 13.5, 17.5),
    HEMATOCRIT(
            "4544-3",
            "Hematocrit [Volume Fraction] of Blood by Automated count",
            "Hematocrit",
            "%",
            1,
            36.0,
            46.0,
            41.0,
            53.0),
    ERYTHROCYTES(
            "789-8", "Erythrocytes [#/volume] in Blood by Automated count", "RBC", "10*6/uL", 2, 3.9, 5.2, 4.5, 5.9),
    MCV("787-2", "MCV [Entitic volume] by Automated count", "MCV", "fL", 1, 80.0, 100.0, 80.0, 100.0),
    MCH("785-6", "MCH [Entitic mass] by Automated count", "MCH", "pg", 1, 27.0, 33.0, 27.0, 33.0),
    MCHC("786-4", "MCHC [Mass/volume] by Automated count", "MCHC", "g/dL", 1, 32.0, 36.0, 32.0, 36.0),
    RDW("788-0", "Erythrocyte distribution width [Ratio] by Automated count", "RDW-CV", "%", 1, 11.5, 14.5, 11.5, 14.5),
    FERRITIN("2276-4", "Ferritin [Mass/volume] in Serum or Plasma", "Ferritin", "ng/mL", 0, 15.0, 150.0, 30.0, 400.0),
    IRON("2498-4", "Iron [Mass/volume] in Serum or Plasma", "Iron", "ug/dL", 0, 50.0, 170.0, 65.0, 175.0),
    TIBC(
            "2500-7",
            "Iron binding capacity [Mass/volume] in Serum or Plasma",
            "TIBC",
            "ug/dL",
            0,
            250.0,
            450.0,
            250.0,
            450.0),
    TRANSFERRIN_SATURATION(
            "2502-3",
            "Iron saturation [Mass Fraction] in Serum or Plasma",
            "Transferrin saturation",
            "%",
            1,
            20.0,
            50.0,
            20.0,
            50.0),
    TRANSFERRIN(
            "3034-6",
            "Transferrin [Mass/volume] in Serum or Plasma",
            "Transferrin",
            "mg/dL",
            0,
            200.0,
            360.0,
            200.0,
            360.0),
    CRP("1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "CRP", "mg/L", 1, 0.0, 5.0, 0.0, 5.0);

    static final String LOINC = "http://loinc.org";

    private final String loinc;
    private final String display;
    private final String text;
    private final String ucum;
    private final int decimals;
    private final double femaleLow;
    private final double femaleHigh;
    private final double maleLow;
    private final double maleHigh;

    LabAnalyte(
            String loinc,
            String display,
            String text,
            String ucum,
            int decimals,
            double femaleLow,
            double femaleHigh,
            double maleLow,
            double maleHigh) {
        this.loinc = loinc;
        this.display = display;
        this.text = text;
        this.ucum = ucum;
        this.decimals = decimals;
        this.femaleLow = femaleLow;
        this.femaleHigh = femaleHigh;
        this.maleLow = maleLow;
        this.maleHigh = maleHigh;
    }

    String loinc() {
        return loinc;
    }

    String display() {
        return display;
    }

    String text() {
        return text;
    }

    String ucum() {
        return ucum;
    }

    double low(boolean female) {
        return female ? femaleLow : maleLow;
    }

    double high(boolean female) {
        return female ? femaleHigh : maleHigh;
    }

    /** Rounded as a laboratory reports it (the fixtures' precision); never below the smallest reportable value. */
    double round(double value) {
        double scale = Math.pow(10, decimals);
        return Math.max(1 / scale, Math.round(value * scale) / scale);
    }
}
