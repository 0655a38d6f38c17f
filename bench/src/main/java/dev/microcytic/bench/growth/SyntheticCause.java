package dev.microcytic.bench.growth;

/**
 * Why a synthetic patient's blood count looks as it does, with its share of the population and the typical values of
 * a woman with it (a man's hemoglobin is 1.5 g/dL higher). The shares are those of adults whose CBC is worked up in
 * primary care, where iron deficiency is the commonest cause of microcytosis and many results are normal; the values
 * follow the pictures of WHO 2020 (guideline on ferritin concentrations), Van Vranken 2010 (Am Fam Physician 82:1117, microcytic anemia) and
 * the usual thalassaemia-trait picture (high RBC, low MCV, normal iron studies).
 *
 * @param share fraction of patients (the shares add up to 1)
 * @param hemoglobin mean g/dL (women) and standard deviation
 * @param mcv mean fL and standard deviation
 * @param mchc mean g/dL and standard deviation
 * @param rdw mean % and standard deviation
 * @param ferritinMedian ng/mL, log-normal with {@code ferritinSpread} as geometric standard deviation
 * @param iron mean ug/dL and standard deviation
 * @param tibc mean ug/dL and standard deviation
 * @param crpMedian mg/L, log-normal with {@code crpSpread} as geometric standard deviation
 */
enum SyntheticCause {
    NORMAL(0.40, 13.6, 0.8, 89, 4, 33.8, 0.8, 13.0, 0.6, 80, 1.8, 100, 25, 320, 35, 1.5, 2.0),
    IRON_DEFICIENCY(0.28, 10.0, 1.0, 72, 4, 31.0, 0.8, 17.5, 1.5, 7, 1.6, 30, 10, 440, 40, 1.5, 2.0),
    BETA_THALASSEMIA_TRAIT(0.08, 11.6, 0.7, 64, 3, 32.5, 0.7, 14.5, 0.8, 90, 1.7, 95, 25, 300, 30, 1.5, 2.0),
    ALPHA_THALASSEMIA_TRAIT(0.06, 12.0, 0.7, 73, 2.5, 32.8, 0.7, 14.0, 0.7, 90, 1.7, 95, 25, 300, 30, 1.5, 2.0),
    INFLAMMATION(0.12, 10.5, 0.8, 78, 3, 32.5, 0.7, 14.8, 1.0, 260, 1.6, 35, 10, 220, 25, 40, 2.0),
    IRON_DEFICIENCY_WITH_INFLAMMATION(0.06, 9.8, 1.0, 73, 3, 31.5, 0.8, 16.5, 1.5, 55, 1.4, 25, 8, 330, 40, 30, 1.8);

    final double share;
    final double hemoglobin;
    final double hemoglobinSd;
    final double mcv;
    final double mcvSd;
    final double mchc;
    final double mchcSd;
    final double rdw;
    final double rdwSd;
    final double ferritinMedian;
    final double ferritinSpread;
    final double iron;
    final double ironSd;
    final double tibc;
    final double tibcSd;
    final double crpMedian;
    final double crpSpread;

    SyntheticCause(
            double share,
            double hemoglobin,
            double hemoglobinSd,
            double mcv,
            double mcvSd,
            double mchc,
            double mchcSd,
            double rdw,
            double rdwSd,
            double ferritinMedian,
            double ferritinSpread,
            double iron,
            double ironSd,
            double tibc,
            double tibcSd,
            double crpMedian,
            double crpSpread) {
        this.share = share;
        this.hemoglobin = hemoglobin;
        this.hemoglobinSd = hemoglobinSd;
        this.mcv = mcv;
        this.mcvSd = mcvSd;
        this.mchc = mchc;
        this.mchcSd = mchcSd;
        this.rdw = rdw;
        this.rdwSd = rdwSd;
        this.ferritinMedian = ferritinMedian;
        this.ferritinSpread = ferritinSpread;
        this.iron = iron;
        this.ironSd = ironSd;
        this.tibc = tibc;
        this.tibcSd = tibcSd;
        this.crpMedian = crpMedian;
        this.crpSpread = crpSpread;
    }

    /** The cause at cumulative share {@code u} (uniform in [0, 1)). */
    static SyntheticCause at(double u) {
        double cumulative = 0;
        for (SyntheticCause cause : values()) {
            cumulative += cause.share;
            if (u < cumulative) {
                return cause;
            }
        }
        return NORMAL;
    }
}
