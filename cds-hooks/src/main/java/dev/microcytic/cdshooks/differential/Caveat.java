package dev.microcytic.cdshooks.differential;

/**
 * Something that limits how the values may be read (inflammation masking iron deficiency, iron deficiency lowering
 * HbA2, recent transfusion, iron already started, pregnancy, young age, a value in an unconvertible unit, ...).
 *
 * @param code stable id, e.g. "inflammation-masks-iron-deficiency"
 * @param text what it means for this patient
 * @param sourceId the knowledge-package reference id
 */
public record Caveat(String code, String text, String sourceId) {}
