package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.terminology.Analyte;
import java.util.EnumMap;
import java.util.Map;

/** Short analyte names for evidence statements. */
final class AnalyteNames {

    static final Map<Analyte, String> SHORT = names();

    private AnalyteNames() {}

    private static Map<Analyte, String> names() {
        Map<Analyte, String> names = new EnumMap<>(Analyte.class);
        for (Analyte a : Analyte.values()) {
            names.put(
                    a, a.name().charAt(0) + a.name().substring(1).toLowerCase().replace('_', ' '));
        }
        names.put(Analyte.HEMOGLOBIN, "Hb");
        names.put(Analyte.RBC_COUNT, "RBC");
        names.put(Analyte.MCV, "MCV");
        names.put(Analyte.MCH, "MCH");
        names.put(Analyte.MCHC, "MCHC");
        names.put(Analyte.RDW_CV, "RDW-CV");
        names.put(Analyte.RDW_SD, "RDW-SD");
        names.put(Analyte.RETICULOCYTE_HEMOGLOBIN, "CHr/Ret-He");
        names.put(Analyte.TIBC, "TIBC");
        names.put(Analyte.UIBC, "UIBC");
        names.put(Analyte.TRANSFERRIN_SATURATION, "TSAT");
        names.put(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR, "sTfR");
        names.put(Analyte.CRP, "CRP");
        names.put(Analyte.ESR, "ESR");
        names.put(Analyte.ZINC_PROTOPORPHYRIN, "ZPP");
        names.put(Analyte.BLOOD_LEAD, "Blood lead");
        names.put(Analyte.HBA2, "HbA2");
        names.put(Analyte.HBA, "HbA");
        names.put(Analyte.HBF, "HbF");
        names.put(Analyte.HBH, "HbH");
        names.put(Analyte.HBE, "HbE");
        names.put(Analyte.ALT, "ALT");
        names.put(Analyte.LDH, "LDH");
        names.put(Analyte.WBC, "WBC");
        names.put(Analyte.HBA1C, "HbA1c");
        names.put(Analyte.VITAMIN_B6, "Vitamin B6 (PLP)");
        return names;
    }
}
