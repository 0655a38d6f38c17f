package dev.microcytic.terminology;

/**
 * Pregnancy status at evaluation time, from evidence of the last ~10 months only (a pregnancy lasts no longer). WHO
 * hemoglobin cut-offs differ by trimester.
 */
public enum Pregnancy {
    NOT_PREGNANT,
    PREGNANT_TRIMESTER_UNKNOWN,
    FIRST_TRIMESTER,
    SECOND_TRIMESTER,
    THIRD_TRIMESTER,
    UNKNOWN;

    public boolean pregnant() {
        return this == PREGNANT_TRIMESTER_UNKNOWN
                || this == FIRST_TRIMESTER
                || this == SECOND_TRIMESTER
                || this == THIRD_TRIMESTER;
    }
}
