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
    /** Vitamin B12 or folate deficiency (megaloblastic anemia raises HbA2 and so can mimic a beta-thalassaemia trait). */
    B12_FOLATE_DEFICIENCY,
    /** Known diagnoses the service explains rather than re-diagnoses: a coded diagnosis explains the indices. */
    KNOWN_IRON_DEFICIENCY_ANEMIA,
    KNOWN_THALASSEMIA,
    KNOWN_SICKLE_CELL_DISORDER,
    KNOWN_HEMOGLOBINOPATHY,
    KNOWN_ANEMIA_OF_CHRONIC_DISEASE,
    KNOWN_SIDEROBLASTIC_ANEMIA,
    /** Hereditary sideroblastic anemia (ICD-10-CM D64.0): lifelong. */
    KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA,
    /** Secondary sideroblastic anemia due to disease, drugs or toxins (ICD-10-CM D64.1, D64.2): acquired. */
    KNOWN_SECONDARY_SIDEROBLASTIC_ANEMIA,
    KNOWN_PORPHYRIA,
    KNOWN_IRON_METABOLISM_DISORDER,
    KNOWN_LEAD_EXPOSURE;

    /**
     * Whether a coded diagnosis raising this flag is hereditary and so holds for life, even when the Condition is
     * recorded as inactive or resolved (thalassaemias and other haemoglobinopathies, hereditary sideroblastic anemia,
     * erythropoietic porphyrias, inherited disorders of iron metabolism); acquired diagnoses hold only while active.
     */
    public boolean hereditary() {
        return switch (this) {
            case KNOWN_THALASSEMIA,
                    KNOWN_SICKLE_CELL_DISORDER,
                    KNOWN_HEMOGLOBINOPATHY,
                    KNOWN_CONGENITAL_SIDEROBLASTIC_ANEMIA,
                    KNOWN_PORPHYRIA,
                    KNOWN_IRON_METABOLISM_DISORDER -> true;
            default -> false;
        };
    }
}
