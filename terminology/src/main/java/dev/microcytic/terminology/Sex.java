package dev.microcytic.terminology;

/** Administrative sex as recorded on the patient; WHO hemoglobin cut-offs differ by sex from age 15. */
public enum Sex {
    FEMALE,
    MALE,
    UNKNOWN
}
