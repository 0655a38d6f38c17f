package dev.microcytic.cdshooks.differential;

/** How strongly the data support a candidate cause. Ranking orders by band first, then by the rule's score. */
public enum Likelihood {
    /** The data meet the cause's defining criteria. */
    LIKELY,
    /** The data fit, but a decisive test is missing or a competing cause fits as well. */
    POSSIBLE,
    /** Kept in the differential because it cannot be excluded and a test would settle it. */
    CONSIDER
}
