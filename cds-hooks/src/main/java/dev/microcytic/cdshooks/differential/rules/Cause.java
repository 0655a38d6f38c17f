package dev.microcytic.cdshooks.differential.rules;

/**
 * The cause codes of contract §6 with their displays. Declaration order is the prior-prevalence tie-break of the
 * ranking (brief review K3: evidence tier, then urgency, then prevalence).
 */
public enum Cause {
    IRON_STUDIES_NEEDED("iron-studies-needed", "Iron studies needed to tell the causes apart"),
    IRON_DEFICIENCY("iron-deficiency", "Iron deficiency anemia"),
    MIXED("mixed-iron-deficiency-inflammation", "Iron deficiency with inflammation"),
    ANEMIA_OF_INFLAMMATION("anemia-of-inflammation", "Anemia of inflammation (chronic disease)"),
    THALASSEMIA_TRAIT("thalassemia-trait", "Thalassemia trait (type not yet known)"),
    BETA_THALASSEMIA_TRAIT("beta-thalassemia-trait", "Beta-thalassemia trait"),
    ALPHA_THALASSEMIA_TRAIT("alpha-thalassemia-trait", "Alpha-thalassemia trait"),
    HEMOGLOBIN_E("hemoglobin-e", "Hemoglobin E (trait, HbE disease or HbE/beta-thalassemia)"),
    HEMOGLOBIN_H_DISEASE("hemoglobin-h-disease", "HbH disease"),
    BETA_THALASSEMIA("beta-thalassemia", "Beta-thalassemia intermedia/major"),
    OTHER_HEMOGLOBIN_VARIANT(
            "other-hemoglobin-variant", "Other hemoglobin variant (HbC, Hb Lepore, delta-beta-thalassemia, HPFH)"),
    LEAD_POISONING("lead-poisoning", "Lead poisoning"),
    ANEMIA_OF_CKD("anemia-of-chronic-kidney-disease", "Anemia of chronic kidney disease"),
    SIDEROBLASTIC_ACQUIRED("sideroblastic-acquired", "Acquired sideroblastic anemia (drugs, alcohol, vitamin B6)"),
    COPPER_DEFICIENCY("copper-deficiency", "Copper deficiency / zinc excess"),
    IRIDA("irida", "Iron-refractory iron deficiency anemia (TMPRSS6)"),
    EPP("erythropoietic-protoporphyria", "Erythropoietic protoporphyria (FECH)"),
    XLSA("x-linked-sideroblastic", "X-linked sideroblastic anemia (ALAS2)"),
    ACERULOPLASMINEMIA("aceruloplasminemia", "Aceruloplasminemia (CP)"),
    FERROPORTIN_DISEASE("ferroportin-disease", "Ferroportin disease (SLC40A1 loss of function)"),
    XLPP("x-linked-protoporphyria", "X-linked protoporphyria (ALAS2 gain of function)"),
    CEP("congenital-erythropoietic-porphyria", "Congenital erythropoietic porphyria (UROS, GATA1)"),
    CONGENITAL_SIDEROBLASTIC(
            "congenital-sideroblastic", "Congenital sideroblastic anemia (SLC25A38, GLRX5, HSPA9, TRNT1, ...)"),
    DMT1_DEFICIENCY("dmt1-deficiency", "DMT1 deficiency (SLC11A2)"),
    ATRANSFERRINEMIA("atransferrinemia", "Congenital atransferrinemia (TF)"),
    XLSA_ATAXIA("x-linked-sideroblastic-ataxia", "X-linked sideroblastic anemia with ataxia (ABCB7)"),
    STEAP3_DEFICIENCY("steap3-deficiency", "STEAP3 deficiency");

    private final String code;
    private final String display;

    Cause(String code, String display) {
        this.code = code;
        this.display = display;
    }

    public String code() {
        return code;
    }

    public String display() {
        return display;
    }

    /** The rare genetic causes of the Donker 2014 flowchart (may lead only when common causes are excluded). */
    public boolean genetic() {
        return ordinal() >= IRIDA.ordinal();
    }
}
