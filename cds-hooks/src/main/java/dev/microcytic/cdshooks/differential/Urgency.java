package dev.microcytic.cdshooks.differential;

/** How soon a clinician should act; maps to the CDS Hooks card indicator (info, warning, critical). */
public enum Urgency {
    INFO,
    WARNING,
    CRITICAL
}
