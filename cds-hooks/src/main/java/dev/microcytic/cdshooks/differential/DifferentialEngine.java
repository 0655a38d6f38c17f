package dev.microcytic.cdshooks.differential;

/**
 * The microcytic workup as a pure function: normalised labs and patient context in, ranked differential out. It
 * works in layers (detect, common-cause triage, the Donker 2014 flowchart for the rare causes, next tests).
 *
 * @see <a href="https://doi.org/10.1182/blood-2014-01-548776">Donker et al., Blood 2014;123(25):3873-86</a>
 */
public interface DifferentialEngine {

    /** Thread-safe: one engine serves every request. */
    Differential evaluate(LabPanel panel, PatientContext context);
}
