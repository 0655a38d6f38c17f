package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;
import java.time.LocalDate;

/**
 * L2 iron status: one band of a decision table without overlaps (ferritin against the age-specific absent-stores
 * limit, the inflammation cut-offs of WHO 2020, the AGA 2020 cut-off in anemic adults, the grey zone), the
 * inflammation state and the sTfR/log ferritin index.
 *
 * @param status the ferritin band
 * @param inflamed CRP above the inflammation cut-off or an inflammatory condition
 * @param inflammationExcluded CRP measured and not raised, and no inflammatory condition
 * @param inflammationUnknown no CRP and no inflammatory condition
 * @param absentBelow the absent-stores ferritin limit for age
 * @param probableBelow the probable-deficiency ferritin limit (12 below 1 year)
 * @param stfrIndex sTfR / log10 ferritin, or NaN
 */
record IronReading(
        Workup.IronStatus status,
        boolean inflamed,
        boolean inflammationExcluded,
        boolean inflammationUnknown,
        double absentBelow,
        double probableBelow,
        double stfrIndex) {

    static IronReading of(
            KnowledgeView k,
            PatientContext ctx,
            LocalDate evalDate,
            double age,
            boolean ageKnown,
            boolean pregnant,
            boolean anemia,
            LabSelection values) {
        LabValue crp = values.val(Analyte.CRP);
        boolean crpHigh = crp != null && k.crpInflammation.test(crp.value());
        boolean flag = ctx.has(ClinicalFlag.INFLAMMATION);
        boolean inflamed = crpHigh || flag;
        boolean inflammationExcluded = crp != null && !crpHigh && !flag;
        boolean inflammationUnknown = crp == null && !flag;
        boolean under5 = ageKnown && age < 5;
        double absentBelow = k.intervals
                .limit(ReferenceIntervals.Table.FERRITIN_ABSENT_STORES, ctx.birthDate(), evalDate)
                .orElseThrow()
                .value();
        double probableBelow = ageKnown && age < 1 ? 12.0 : k.ferritinProbable.value();
        LabValue ferritin = values.val(Analyte.FERRITIN);
        if (ferritin == null) {
            return new IronReading(
                    Workup.IronStatus.UNKNOWN,
                    inflamed,
                    inflammationExcluded,
                    inflammationUnknown,
                    absentBelow,
                    probableBelow,
                    Double.NaN);
        }
        double f = ferritin.value();
        double inflamedBelow = under5 ? k.ferritinInflamedUnder5.value() : k.ferritinInflamed5.value();
        boolean aga = !pregnant && (!ageKnown || age >= k.ageAga.value()) && anemia;
        double possibleBelow = aga ? k.ferritinPossible.value() : probableBelow;
        Workup.IronStatus status;
        if (f < absentBelow) {
            status = Workup.IronStatus.ABSENT;
        } else if (inflamed && f < inflamedBelow) {
            status = Workup.IronStatus.INFLAMED_ID;
        } else if (f < probableBelow) {
            status = Workup.IronStatus.PROBABLE;
        } else if (!inflamed && f < possibleBelow) {
            status = Workup.IronStatus.POSSIBLE;
        } else if (inflamed && k.ferritinGreyUpper.test(f)) {
            status = Workup.IronStatus.GREY;
        } else if (inflamed) {
            status = Workup.IronStatus.ACD_RANGE;
        } else if (inflammationUnknown && k.ferritinGreyUpper.test(f)) {
            status = Workup.IronStatus.CRP_NEEDED;
        } else {
            status = Workup.IronStatus.REPLETE;
        }
        LabValue stfr = values.val(Analyte.SOLUBLE_TRANSFERRIN_RECEPTOR);
        double stfrIndex = stfr != null && f > 1.0 ? stfr.value() / Math.log10(f) : Double.NaN;
        return new IronReading(
                status, inflamed, inflammationExcluded, inflammationUnknown, absentBelow, probableBelow, stfrIndex);
    }
}
