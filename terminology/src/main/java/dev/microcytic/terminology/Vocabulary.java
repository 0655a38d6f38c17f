package dev.microcytic.terminology;

/**
 * Every code system URL and fixed code the product writes or matches, spelled once. The product's own systems live
 * under {@link #BASE}; their content is the knowledge package's CodeSystems.
 */
public final class Vocabulary {

    public static final String LOINC = "http://loinc.org";
    public static final String SNOMED = "http://snomed.info/sct";
    public static final String UCUM = "http://unitsofmeasure.org";
    public static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";
    public static final String ICD10PCS = "http://www.cms.gov/Medicare/Coding/ICD10";
    /** CPT (AMA); codes are used only as an enumerated list, no CPT content is shipped beyond code and short title. */
    public static final String CPT = "http://www.ama-assn.org/go/cpt";

    public static final String ATC = "http://www.whocc.no/atc";
    public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public static final String OBSERVATION_INTERPRETATION =
            "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** The base of the product's canonical URLs. */
    public static final String BASE = "https://fhir.microcytic.dev";
    /** The causes of microcytosis. */
    public static final String CAUSE_SYSTEM = BASE + "/CodeSystem/microcytic-cause";
    /** The next tests. */
    public static final String TEST_SYSTEM = BASE + "/CodeSystem/microcytic-test";
    /** The product's own codes (the differential, the photosensitivity finding). */
    public static final String CDS_SYSTEM = BASE + "/CodeSystem/microcytic-cds";
    /** Why a clinician dismissed a card. */
    public static final String OVERRIDE_REASON_SYSTEM = BASE + "/CodeSystem/microcytic-override-reason";
    /** The knowledge package; a version is appended ({@code .../knowledge/microcytic/1.1.0}). */
    public static final String KNOWLEDGE_MODULE_BASE = BASE + "/knowledge/microcytic";
    /** The {@code $microcytic-differential} OperationDefinition. */
    public static final String DIFFERENTIAL_OPERATION = BASE + "/OperationDefinition/microcytic-differential";

    /** The code of the differential Observation in {@link #CDS_SYSTEM}. */
    public static final String DIFFERENTIAL_CODE = "differential";
    /** LOINC "Pregnancy status" Observation code. */
    public static final String PREGNANCY_STATUS_LOINC = "82810-3";
    /** SNOMED CT "Patient currently pregnant". */
    public static final String SNOMED_PREGNANT = "77386006";
    /** SNOMED CT "Not pregnant". */
    public static final String SNOMED_NOT_PREGNANT = "60001007";

    private Vocabulary() {}
}
