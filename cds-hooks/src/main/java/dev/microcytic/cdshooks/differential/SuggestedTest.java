package dev.microcytic.cdshooks.differential;

/**
 * A next test to order, in the order a haematologist would order it (cheap and decisive first).
 *
 * @param code a code of the knowledge package's next-test CodeSystem, e.g. "hemoglobin-fractionation"
 * @param display the test's name
 * @param loinc a verified LOINC orderable, or null when none is verified
 * @param reason why this test is suggested for this patient
 */
public record SuggestedTest(String code, String display, String loinc, String reason) {}
