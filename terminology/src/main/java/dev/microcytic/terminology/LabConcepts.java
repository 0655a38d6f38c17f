package dev.microcytic.terminology;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * LOINC code to analyte mapping: every lab code the differential reads. An analyte is recognised by meaning, so the
 * mass and the molar code of one analyte (718-7 and 59260-0 for hemoglobin) both map to it and the value is converted
 * by its unit ({@link QuantityNormalizer}), whichever code it came under: clients may send a molar value under the
 * mass code, and many labs report molar results under the molar code.
 *
 * <p>Codes: LOINC (loinc.org); each row records how its code-to-meaning link was checked (the words are defined in the
 * knowledge package README). 4552-6 is HbA2 by electrophoresis, not HbA (HbA is 4546-8), whatever some public mappings
 * say. Zinc protoporphyrin is read from 71797-5 (loinc.org entry checked). No LOINC code for hepcidin-25 or for HbE
 * in adult blood could be checked against LOINC's published entry (none was found), and free erythrocyte protoporphyrin
 * 2892-8 was found only in a third-party listing, not on loinc.org: these analytes stay absent here and keep their
 * current handling (they are reachable only through a checked code added later).
 */
public final class LabConcepts {

    /** FHIR system URI of LOINC. */
    public static final String LOINC = Vocabulary.LOINC;

    private static final LabConcepts STANDARD = new LabConcepts(standardConcepts());

    private final Map<String, LabConcept> byCode;
    private final Map<Analyte, Set<String>> byAnalyte;

    private LabConcepts(List<LabConcept> concepts) {
        Map<String, LabConcept> codes = new LinkedHashMap<>();
        Map<Analyte, Set<String>> analytes = new EnumMap<>(Analyte.class);
        for (LabConcept concept : concepts) {
            if (codes.put(concept.loinc(), concept) != null) {
                throw new IllegalStateException("LOINC " + concept.loinc() + " mapped twice");
            }
            analytes.computeIfAbsent(concept.analyte(), a -> new LinkedHashSet<>())
                    .add(concept.loinc());
        }
        this.byCode = Collections.unmodifiableMap(codes);
        Map<Analyte, Set<String>> frozen = new EnumMap<>(Analyte.class);
        analytes.forEach((analyte, set) -> frozen.put(analyte, Collections.unmodifiableSet(set)));
        this.byAnalyte = Collections.unmodifiableMap(frozen);
    }

    /** The bundled mapping (immutable, shared). */
    public static LabConcepts standard() {
        return STANDARD;
    }

    /** The analyte a coded lab result means; empty for other systems and codes the service does not read. */
    public Optional<Analyte> analyteFor(String system, String code) {
        if (!LOINC.equals(system) || code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byCode.get(code.trim())).map(LabConcept::analyte);
    }

    /** Every LOINC code that maps to the analyte (empty when no verified code exists). */
    public Set<String> loincCodes(Analyte analyte) {
        return byAnalyte.getOrDefault(analyte, Set.of());
    }

    /** Every LOINC code the service reads, in table order (for prefetch and search queries). */
    public List<String> allLoincCodes() {
        return List.copyOf(byCode.keySet());
    }

    /** The full concept (display, verification) for a LOINC code. */
    public Optional<LabConcept> concept(String loincCode) {
        return Optional.ofNullable(byCode.get(loincCode));
    }

    /** Every concept, in table order. */
    public List<LabConcept> concepts() {
        return List.copyOf(byCode.values());
    }

    // The table is code, not data: each row is reviewed with the conversion rules it feeds (QuantityRule).
    private static List<LabConcept> standardConcepts() {
        List<LabConcept> c = new ArrayList<>();
        c.add(new LabConcept("718-7", Analyte.HEMOGLOBIN, "Hemoglobin [Mass/volume] in Blood", "two public mappings"));
        c.add(new LabConcept(
                "59260-0", Analyte.HEMOGLOBIN, "Hemoglobin [Moles/volume] in Blood", "two public mappings"));
        c.add(new LabConcept(
                "4544-3",
                Analyte.HEMATOCRIT,
                "Hematocrit [Volume Fraction] of Blood by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "20570-8", Analyte.HEMATOCRIT, "Hematocrit [Volume Fraction] of Blood", "two public mappings"));
        c.add(new LabConcept(
                "789-8",
                Analyte.RBC_COUNT,
                "Erythrocytes [#/volume] in Blood by Automated count",
                "two public mappings"));
        c.add(new LabConcept("787-2", Analyte.MCV, "MCV [Entitic volume] by Automated count", "two public mappings"));
        c.add(new LabConcept("785-6", Analyte.MCH, "MCH [Entitic mass] by Automated count", "two public mappings"));
        c.add(new LabConcept("786-4", Analyte.MCHC, "MCHC [Mass/volume] by Automated count", "two public mappings"));
        c.add(new LabConcept(
                "788-0",
                Analyte.RDW_CV,
                "Erythrocyte distribution width [Ratio] by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "21000-5",
                Analyte.RDW_SD,
                "Erythrocyte distribution width [Entitic volume] by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "17849-1",
                Analyte.RETICULOCYTES_PERCENT,
                "Reticulocytes/100 erythrocytes in Blood by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "4679-7",
                Analyte.RETICULOCYTES_PERCENT,
                "Reticulocytes/100 erythrocytes in Blood",
                "two public mappings"));
        c.add(new LabConcept(
                "60474-4",
                Analyte.RETICULOCYTES_ABSOLUTE,
                "Reticulocytes [#/volume] in Blood by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "14196-0", Analyte.RETICULOCYTES_ABSOLUTE, "Reticulocytes [#/volume] in Blood", "two public mappings"));
        c.add(new LabConcept(
                "71694-4",
                Analyte.RETICULOCYTE_HEMOGLOBIN,
                "Hemoglobin [Entitic mass] in Reticulocytes by Automated count",
                "two public mappings"));
        c.add(new LabConcept(
                "2276-4", Analyte.FERRITIN, "Ferritin [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept("24373-3", Analyte.FERRITIN, "Ferritin [Mass/volume] in Blood", "two public mappings"));
        c.add(new LabConcept("2498-4", Analyte.IRON, "Iron [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept("14798-3", Analyte.IRON, "Iron [Moles/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept(
                "2500-7",
                Analyte.TIBC,
                "Iron binding capacity [Mass/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "14800-7",
                Analyte.TIBC,
                "Iron binding capacity [Moles/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "2501-5",
                Analyte.UIBC,
                "Iron binding capacity.unsaturated [Mass/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "3034-6", Analyte.TRANSFERRIN, "Transferrin [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept(
                "2502-3",
                Analyte.TRANSFERRIN_SATURATION,
                "Iron saturation [Mass Fraction] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "30248-9",
                Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR,
                "Transferrin receptor.soluble [Mass/volume] in Serum or Plasma",
                "two public mappings; LOINC entry checked"));
        c.add(new LabConcept(
                "1988-5", Analyte.CRP, "C reactive protein [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept(
                "30522-7",
                Analyte.CRP,
                "C reactive protein [Mass/volume] in Serum or Plasma by High sensitivity method",
                "two public mappings"));
        c.add(new LabConcept(
                "4537-7", Analyte.ESR, "Erythrocyte sedimentation rate by Westergren method", "two public mappings"));
        c.add(new LabConcept("30341-2", Analyte.ESR, "Erythrocyte sedimentation rate", "two public mappings"));
        c.add(new LabConcept(
                "71797-5",
                Analyte.ZINC_PROTOPORPHYRIN,
                "Protoporphyrin.zinc [Moles/volume] in Red Blood Cells",
                "one public mapping; LOINC entry checked"));
        c.add(new LabConcept("5671-3", Analyte.BLOOD_LEAD, "Lead [Mass/volume] in Blood", "two public mappings"));
        c.add(new LabConcept(
                "77307-7", Analyte.BLOOD_LEAD, "Lead [Mass/volume] in Venous blood", "two public mappings"));
        c.add(new LabConcept(
                "10368-9", Analyte.BLOOD_LEAD, "Lead [Mass/volume] in Capillary blood", "two public mappings"));
        c.add(new LabConcept(
                "4551-8",
                Analyte.HBA2,
                "Hemoglobin A2/Hemoglobin.total in Blood",
                "two public mappings; LOINC entry checked"));
        c.add(new LabConcept(
                "4552-6",
                Analyte.HBA2,
                "Hemoglobin A2/Hemoglobin.total in Blood by Electrophoresis",
                "LOINC entry checked"));
        c.add(new LabConcept(
                "34660-1",
                Analyte.HBA2,
                "Hemoglobin A2/Hemoglobin.total in Blood by Chromatography column",
                "LOINC entry checked"));
        c.add(new LabConcept(
                "4546-8",
                Analyte.HBA,
                "Hemoglobin A/Hemoglobin.total in Blood",
                "two public mappings; LOINC entry checked"));
        c.add(new LabConcept(
                "4576-5",
                Analyte.HBF,
                "Hemoglobin F/Hemoglobin.total in Blood",
                "two public mappings; LOINC entry checked"));
        c.add(new LabConcept(
                "32682-7",
                Analyte.HBF,
                "Hemoglobin F/Hemoglobin.total in Blood by Electrophoresis",
                "one public mapping"));
        c.add(new LabConcept(
                "4588-0",
                Analyte.HBH,
                "Hemoglobin H/Hemoglobin.total in Blood",
                "one public mapping; LOINC entry checked"));
        c.add(new LabConcept(
                "2064-4",
                Analyte.CERULOPLASMIN,
                "Ceruloplasmin [Mass/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "5631-7", Analyte.COPPER, "Copper [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept("5763-8", Analyte.ZINC, "Zinc [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept(
                "74442-5",
                Analyte.VITAMIN_B6,
                "Pyridoxal phosphate [Moles/volume] in Blood",
                "one public mapping; to be checked against loinc.org"));
        c.add(new LabConcept(
                "2641-9",
                Analyte.VITAMIN_B6,
                "Pyridoxal phosphate [Moles/volume] in Plasma",
                "one public mapping; to be checked against loinc.org"));
        c.add(new LabConcept(
                "10885-2",
                Analyte.URINE_PORPHYRINS,
                "Porphyrins [Mass/time] in 24 hour Urine",
                "one public mapping; conflicts with 2739-1"));
        c.add(new LabConcept(
                "2739-1",
                Analyte.URINE_PORPHYRINS,
                "Porphyrins [Mass/time] in 24 hour Urine",
                "one public mapping; conflicts with 10885-2"));
        c.add(new LabConcept(
                "33311-2",
                Analyte.PLASMA_PORPHYRINS,
                "Porphyrins [Moles/volume] in Serum or Plasma",
                "one public mapping"));
        c.add(new LabConcept(
                "1742-6",
                Analyte.ALT,
                "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "4542-7", Analyte.HAPTOGLOBIN, "Haptoglobin [Mass/volume] in Serum or Plasma", "two public mappings"));
        c.add(new LabConcept(
                "2532-0",
                Analyte.LDH,
                "Lactate dehydrogenase [Enzymatic activity/volume] in Serum or Plasma",
                "check digit only"));
        c.add(new LabConcept(
                "1975-2",
                Analyte.BILIRUBIN_TOTAL,
                "Bilirubin.total [Mass/volume] in Serum or Plasma",
                "check digit only"));
        c.add(new LabConcept(
                "14631-6",
                Analyte.BILIRUBIN_TOTAL,
                "Bilirubin.total [Moles/volume] in Serum or Plasma",
                "public LOINC table extract and a national lab profile"));
        c.add(new LabConcept("6690-2", Analyte.WBC, "Leukocytes [#/volume] in Blood by Automated count", "common"));
        c.add(new LabConcept("777-3", Analyte.PLATELETS, "Platelets [#/volume] in Blood by Automated count", "common"));
        c.add(new LabConcept(
                "15061-5",
                Analyte.ERYTHROPOIETIN,
                "Erythropoietin (EPO) [Units/volume] in Serum or Plasma",
                "two public mappings"));
        c.add(new LabConcept(
                "4548-4", Analyte.HBA1C, "Hemoglobin A1c/Hemoglobin.total in Blood", "check digit + common"));
        c.add(new LabConcept(
                "1558-6", Analyte.GLUCOSE, "Fasting glucose [Mass/volume] in Serum or Plasma", "check digit + common"));
        c.add(new LabConcept(
                "2345-7", Analyte.GLUCOSE, "Glucose [Mass/volume] in Serum or Plasma", "several public lab mappings"));
        return c;
    }
}
