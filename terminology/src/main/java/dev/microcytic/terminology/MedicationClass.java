package dev.microcytic.terminology;

/** Medication groups that change the interpretation (code lists in {@link CodeGroups}). */
public enum MedicationClass {
    ORAL_IRON,
    /** Ferritin and TSAT are uninterpretable for weeks after intravenous iron. */
    IV_IRON,
    ISONIAZID,
    LINEZOLID,
    CHLORAMPHENICOL,
    PYRIDOXINE,
    ZINC,
    ERYTHROPOIESIS_STIMULATING_AGENT,
    PROTON_PUMP_INHIBITOR,
    HYDROXYUREA,
    IRON_CHELATOR
}
