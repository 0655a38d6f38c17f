package dev.microcytic.cdshooks.differential.rules;

/**
 * The cause codes the rules propose; their displays are the knowledge package's cause CodeSystem. Declaration order is the prior-prevalence tie-break of the
 * ranking (evidence tier first, then urgency, then prevalence, so that a rare cause never outranks a common one on
 * equal evidence).
 */
public enum Cause {
    IRON_STUDIES_NEEDED("iron-studies-needed"),
    IRON_DEFICIENCY("iron-deficiency"),
    MIXED("mixed-iron-deficiency-inflammation"),
    ANEMIA_OF_INFLAMMATION("anemia-of-inflammation"),
    THALASSEMIA_TRAIT("thalassemia-trait"),
    BETA_THALASSEMIA_TRAIT("beta-thalassemia-trait"),
    ALPHA_THALASSEMIA_TRAIT("alpha-thalassemia-trait"),
    HEMOGLOBIN_E("hemoglobin-e"),
    HEMOGLOBIN_H_DISEASE("hemoglobin-h-disease"),
    BETA_THALASSEMIA("beta-thalassemia"),
    OTHER_HEMOGLOBIN_VARIANT("other-hemoglobin-variant"),
    LEAD_POISONING("lead-poisoning"),
    ANEMIA_OF_CKD("anemia-of-chronic-kidney-disease"),
    SIDEROBLASTIC_ACQUIRED("sideroblastic-acquired"),
    COPPER_DEFICIENCY("copper-deficiency"),
    IRIDA("irida"),
    EPP("erythropoietic-protoporphyria"),
    XLSA("x-linked-sideroblastic"),
    ACERULOPLASMINEMIA("aceruloplasminemia"),
    FERROPORTIN_DISEASE("ferroportin-disease"),
    XLPP("x-linked-protoporphyria"),
    CEP("congenital-erythropoietic-porphyria"),
    CONGENITAL_SIDEROBLASTIC("congenital-sideroblastic"),
    DMT1_DEFICIENCY("dmt1-deficiency"),
    ATRANSFERRINEMIA("atransferrinemia"),
    XLSA_ATAXIA("x-linked-sideroblastic-ataxia"),
    STEAP3_DEFICIENCY("steap3-deficiency");

    private final String code;

    Cause(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The rare genetic causes of the Donker 2014 flowchart (may lead only when common causes are excluded). */
    public boolean genetic() {
        return ordinal() >= IRIDA.ordinal();
    }
}
