package dev.microcytic.terminology;

/**
 * Pregnancy status at evaluation time (contract §3.3: bounded to the last ~10 months). WHO hemoglobin cut-offs
 * differ by trimester.
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
