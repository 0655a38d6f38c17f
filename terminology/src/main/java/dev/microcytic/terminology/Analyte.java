package dev.microcytic.terminology;

/**
 * Every laboratory quantity the microcytic differential reads, by meaning rather than by code. Several LOINC codes
 * (mass and molar variants, specimen variants) map to one analyte; the engine only ever sees values already
 * converted to the analyte's {@link #canonicalUnit() canonical UCUM unit}.
 *
 * <p>Codes and units: LOINC (loinc.org) and UCUM (unitsofmeasure.org); the codes of each analyte are in {@link
 * LabConcepts}.
 */
public enum Analyte {
    HEMOGLOBIN("g/dL"),
    HEMATOCRIT("%"),
    RBC_COUNT("10*6/uL"),
    MCV("fL"),
    MCH("pg"),
    MCHC("g/dL"),
    RDW_CV("%"),
    RDW_SD("fL"),
    RETICULOCYTES_PERCENT("%"),
    RETICULOCYTES_ABSOLUTE("10*3/uL"),
    RETICULOCYTE_HEMOGLOBIN("pg"),
    FERRITIN("ng/mL"),
    IRON("ug/dL"),
    TIBC("ug/dL"),
    UIBC("ug/dL"),
    TRANSFERRIN("mg/dL"),
    TRANSFERRIN_SATURATION("%"),
    SOLUBLE_TRANSFERRIN_RECEPTOR("mg/L"),
    CRP("mg/L"),
    ESR("mm/h"),
    ZINC_PROTOPORPHYRIN("umol/mol"),
    ERYTHROCYTE_PROTOPORPHYRIN("ug/dL"),
    BLOOD_LEAD("ug/dL"),
    HBA2("%"),
    HBA("%"),
    HBF("%"),
    HBH("%"),
    HBE("%"),
    HEPCIDIN("nmol/L"),
    CERULOPLASMIN("mg/dL"),
    COPPER("ug/dL"),
    ZINC("ug/dL"),
    VITAMIN_B6("nmol/L"),
    URINE_PORPHYRINS("ug/(24.h)"),
    PLASMA_PORPHYRINS("nmol/L"),
    ALT("U/L"),
    HAPTOGLOBIN("mg/dL"),
    LDH("U/L"),
    BILIRUBIN_TOTAL("mg/dL"),
    WBC("10*3/uL"),
    PLATELETS("10*3/uL"),
    ERYTHROPOIETIN("m[IU]/mL"),
    HBA1C("%"),
    GLUCOSE("mg/dL");

    private final String canonicalUnit;

    Analyte(String canonicalUnit) {
        this.canonicalUnit = canonicalUnit;
    }

    /** The UCUM unit every value of this analyte is converted to before the engine reads it. */
    public String canonicalUnit() {
        return canonicalUnit;
    }
}
