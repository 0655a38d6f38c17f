package dev.microcytic.terminology;

/**
 * Clinical context the differential reads, derived from Conditions (code lists in {@link CodeGroups}). The adapter
 * maps ICD-10-CM / SNOMED CT codes to these flags; the engine never sees a code.
 */
public enum ClinicalFlag {
    INFLAMMATION,
    HEART_FAILURE,
    CHRONIC_KIDNEY_DISEASE,
    DIABETES,
    NEUROLOGICAL_DISEASE,
    ATAXIA,
    PHOTOSENSITIVITY,
    HEMOLYSIS,
    BLEEDING,
    MALABSORPTION,
    COELIAC_DISEASE,
    BARIATRIC_SURGERY,
    HELICOBACTER_PYLORI,
    AUTOIMMUNE_GASTRITIS,
    ALCOHOL_USE_DISORDER,
    ALCOHOL_USE_DISORDER_IN_REMISSION,
    HYPOGONADISM,
    /** Known diagnoses the service explains rather than re-diagnoses: a coded diagnosis explains the indices. */
    KNOWN_IRON_DEFICIENCY_ANEMIA,
    KNOWN_THALASSEMIA,
    KNOWN_SICKLE_CELL_DISORDER,
    KNOWN_HEMOGLOBINOPATHY,
    KNOWN_ANEMIA_OF_CHRONIC_DISEASE,
    KNOWN_SIDEROBLASTIC_ANEMIA,
    KNOWN_PORPHYRIA,
    KNOWN_IRON_METABOLISM_DISORDER,
    KNOWN_LEAD_EXPOSURE
}
