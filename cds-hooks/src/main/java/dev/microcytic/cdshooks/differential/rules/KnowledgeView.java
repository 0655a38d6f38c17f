package dev.microcytic.cdshooks.differential.rules;

import dev.microcytic.terminology.knowledge.KnowledgePackage;
import dev.microcytic.terminology.knowledge.rules.AnalyteNames;
import dev.microcytic.terminology.knowledge.rules.DiscriminationIndexDefinition;
import dev.microcytic.terminology.knowledge.rules.ReferenceIntervals;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import dev.microcytic.terminology.knowledge.rules.StatementTemplates.StatementTemplate;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import dev.microcytic.terminology.knowledge.rules.Thresholds;
import java.util.List;

/**
 * The rule knowledge resolved once per engine into fields and arrays, so that an evaluation does no map look-ups or
 * parsing (one evaluation must stay within a few microseconds to serve a CDS Hooks call). A threshold, score or
 * sentence missing from the package fails at construction.
 */
final class KnowledgeView {

    final String version;
    /** Displays and LOINC from the package's CodeSystems (the single source); a code missing there fails here. */
    final String[] causeDisplays = new String[Cause.values().length];

    final String[] testDisplays = new String[NextTest.values().length];
    final String[] testLoincs = new String[NextTest.values().length];
    final ReferenceIntervals intervals;
    final List<DiscriminationIndexDefinition> indices;
    final AnalyteNames names;
    /** Statement templates by {@link Wording} ordinal. */
    private final StatementTemplate[] wordings = new StatementTemplate[Wording.values().length];
    /** Statement templates by {@link RuleText} ordinal. */
    private final StatementTemplate[] ruleTexts = new StatementTemplate[RuleText.values().length];
    /** Rare-cause findings by {@link Finding} ordinal. */
    private final StatementTemplate[] findings = new StatementTemplate[Finding.values().length];
    /** Comparison meanings by {@link Meaning} ordinal (no placeholders: the text itself). */
    private final String[] meanings = new String[Meaning.values().length];
    /** Next-test reasons by {@link TestReason} ordinal (no placeholders: the text itself). */
    private final String[] reasons = new String[TestReason.values().length];
    /** Rare-cause caveats by {@link RareCaveat} ordinal. */
    private final StatementTemplate[] caveats = new StatementTemplate[RareCaveat.values().length];
    /** Score weights by {@link Score} ordinal. */
    private final int[] scores = new int[Score.values().length];

    final Threshold ferritinProbable;
    final Threshold ferritinPossible;
    final Threshold ferritinInflamed5;
    final Threshold ferritinInflamedUnder5;
    final Threshold ferritinGreyUpper;
    final Threshold ferritinPregnancy;
    final Threshold ferritinOverloadFemale;
    final Threshold ferritinOverloadMale;
    final Threshold ferritinOverloadUnwell;
    final Threshold tsatLow;
    final Threshold tsatRestricted;
    final Threshold tsatVeryLow;
    final Threshold tsatHigh;
    final Threshold tsatHighDraws;
    final Threshold crpInflammation;
    final Threshold crpRareBranch;
    final Threshold stfrIndexAcd;
    final Threshold stfrIndexId;
    final Threshold chrLow;
    final Threshold zppHigh;
    final Threshold protoporphyrinHigh;
    final Threshold leadReference;
    final Threshold leadChelation;
    final Threshold hba2Trait;
    final Threshold hba2BorderlineLower;
    final Threshold hba2BorderlineUpper;
    final Threshold hba2VariantWindow;
    final Threshold hba2Low;
    final Threshold hbeDetected;
    final Threshold hbeTrait;
    final Threshold hbeHomozygous;
    final Threshold hbhDetected;
    final Threshold hbfDeltaBeta;
    final Threshold hbfThalSyndrome;
    final Threshold variantUnexplained;
    final Threshold hba0Normal;
    final Threshold hbStableChange;
    final Threshold mcvStableChange;
    final Threshold hbThalSyndrome;
    final Threshold hbDutchSevere;
    final Threshold mcvVeryLow;
    final Threshold rdwHigh;
    final Threshold transferrinAbsent;
    final Threshold tibcAbsent;
    final Threshold ceruloplasminUndetectable;
    final Threshold ceruloplasminLow;
    final Threshold zincHigh;
    final Threshold b6Low;
    final Threshold tsatHepcidin;
    final Threshold oralIronBsgRise;
    final Threshold oralIronBsgDays;
    final Threshold oralIronDonkerRise;
    final Threshold oralIronDonkerDays;
    final Threshold pyridoxineRise;
    final Threshold wbcLow;
    final Threshold reticulocytesHigh;
    final Threshold reticulocytesAbsoluteHigh;
    final Threshold bilirubinHigh;
    final Threshold haptoglobinLow;
    final Threshold ldhHigh;
    final Threshold porphyrinsPlasmaHigh;
    final Threshold porphyrinsUrineHigh;
    final Threshold ckdFerritin;
    final Threshold ckdTsat;
    final Threshold ckdTrialTsat;
    final Threshold ckdTrialFerritin;
    final Threshold ageAga;
    final Threshold ageLeadLower;
    final Threshold ageLeadUpper;
    final Threshold ageFractionation;
    final Threshold ageEarlyChildhood;
    final Threshold ageGiWomen;
    final Threshold oiatAdequate;
    final Threshold oiatPostDoseEarliest;
    final Threshold oiatPostDoseLatest;
    final Threshold oiatPreDoseEarliest;
    /** Windows counted from the draw (days): IV iron, the iron-free time before a hepcidin, a transfusion. */
    final Threshold windowIvIron;

    final Threshold windowHepcidinIronFree;
    final Threshold windowTransfusion;

    /** The template of one sentence. */
    StatementTemplate wording(Wording wording) {
        return wordings[wording.ordinal()];
    }

    StatementTemplate text(RuleText text) {
        return ruleTexts[text.ordinal()];
    }

    /** The template of one rare-cause finding. */
    StatementTemplate finding(Finding finding) {
        return findings[finding.ordinal()];
    }

    /** What a comparison means, in words. */
    String meaning(Meaning meaning) {
        return meanings[meaning.ordinal()];
    }

    /** Why a test is suggested. */
    String reason(TestReason reason) {
        return reasons[reason.ordinal()];
    }

    /** One rare-cause caveat, worded by the knowledge package with the sentence's source. */
    dev.microcytic.cdshooks.differential.Caveat caveat(RareCaveat caveat, String... values) {
        StatementTemplate template = caveats[caveat.ordinal()];
        return new dev.microcytic.cdshooks.differential.Caveat(
                caveat.code, template.render(values), template.sourceId());
    }

    /** The weight of one rule outcome. */
    int score(Score score) {
        return scores[score.ordinal()];
    }

    dev.microcytic.cdshooks.differential.SuggestedTest suggested(NextTest test, String reason) {
        return new dev.microcytic.cdshooks.differential.SuggestedTest(
                test.code(), testDisplays[test.ordinal()], testLoincs[test.ordinal()], reason);
    }

    KnowledgeView(RuleKnowledge knowledge, KnowledgePackage codes) {
        for (Cause cause : Cause.values()) {
            causeDisplays[cause.ordinal()] = codes.cause(cause.code())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "knowledge package " + codes.version() + " lacks cause " + cause.code()))
                    .display();
        }
        for (NextTest test : NextTest.values()) {
            var definition = codes.test(test.code())
                    .orElseThrow(() -> new IllegalArgumentException(
                            "knowledge package " + codes.version() + " lacks test " + test.code()));
            testDisplays[test.ordinal()] = definition.display();
            testLoincs[test.ordinal()] = definition.loinc();
        }
        Thresholds t = knowledge.thresholds();
        this.version = knowledge.version();
        this.intervals = knowledge.referenceIntervals();
        this.indices = knowledge.indices().all();
        this.names = knowledge.analyteNames();
        for (Wording wording : Wording.values()) {
            wordings[wording.ordinal()] = knowledge.statements().get(wording.key, wording.placeholders);
        }
        for (RuleText text : RuleText.values()) {
            ruleTexts[text.ordinal()] = knowledge.statements().get(text.key, text.placeholders);
        }
        for (Finding finding : Finding.values()) {
            findings[finding.ordinal()] = knowledge.statements().get(finding.key, finding.placeholders);
        }
        for (Meaning meaning : Meaning.values()) {
            meanings[meaning.ordinal()] =
                    knowledge.statements().get(meaning.key, List.of()).render();
        }
        for (TestReason reason : TestReason.values()) {
            reasons[reason.ordinal()] =
                    knowledge.statements().get(reason.key, List.of()).render();
        }
        for (RareCaveat caveat : RareCaveat.values()) {
            caveats[caveat.ordinal()] = knowledge.statements().get(caveat.key, caveat.placeholders);
        }
        for (Score score : Score.values()) {
            scores[score.ordinal()] = knowledge.scores().get(score.key());
        }
        ferritinProbable = t.get("ferritin.probable-id");
        ferritinPossible = t.get("ferritin.possible-id");
        ferritinInflamed5 = t.get("ferritin.id-inflammation.5y-plus");
        ferritinInflamedUnder5 = t.get("ferritin.id-inflammation.under-5");
        ferritinGreyUpper = t.get("ferritin.grey-zone.upper");
        ferritinPregnancy = t.get("ferritin.pregnancy-id");
        ferritinOverloadFemale = t.get("ferritin.overload.female");
        ferritinOverloadMale = t.get("ferritin.overload.male");
        ferritinOverloadUnwell = t.get("ferritin.overload.unwell");
        tsatLow = t.get("tsat.low");
        tsatRestricted = t.get("tsat.restricted");
        tsatVeryLow = t.get("tsat.very-low");
        tsatHigh = t.get("tsat.high");
        tsatHighDraws = t.get("tsat.high.draws");
        crpInflammation = t.get("crp.inflammation");
        crpRareBranch = t.get("crp.rare-branch");
        stfrIndexAcd = t.get("stfr-index.acd");
        stfrIndexId = t.get("stfr-index.id");
        chrLow = t.get("chr.low");
        zppHigh = t.get("zpp.high");
        protoporphyrinHigh = t.get("protoporphyrin.high");
        leadReference = t.get("lead.reference");
        leadChelation = t.get("lead.chelation");
        hba2Trait = t.get("hba2.beta-trait");
        hba2BorderlineLower = t.get("hba2.borderline.lower");
        hba2BorderlineUpper = t.get("hba2.borderline.upper");
        hba2VariantWindow = t.get("hba2.variant-window");
        hba2Low = t.get("hba2.low");
        hbeDetected = t.get("hbe.detected");
        hbeTrait = t.get("hbe.trait");
        hbeHomozygous = t.get("hbe.homozygous");
        hbhDetected = t.get("hbh.detected");
        hbfDeltaBeta = t.get("hbf.delta-beta");
        hbfThalSyndrome = t.get("hbf.thal-syndrome");
        variantUnexplained = t.get("hb-variant.unexplained");
        hba0Normal = t.get("hba.hba0-normal");
        hbStableChange = t.get("hb.stable-change");
        mcvStableChange = t.get("mcv.stable-change");
        hbThalSyndrome = t.get("hb.thal-syndrome");
        hbDutchSevere = t.get("hb.dutch-severe");
        mcvVeryLow = t.get("mcv.very-low");
        rdwHigh = t.get("rdw.high");
        transferrinAbsent = t.get("transferrin.absent");
        tibcAbsent = t.get("tibc.absent");
        ceruloplasminUndetectable = t.get("ceruloplasmin.undetectable");
        ceruloplasminLow = t.get("ceruloplasmin.low");
        zincHigh = t.get("zinc.high");
        b6Low = t.get("vitamin-b6.low");
        tsatHepcidin = t.get("tsat-hepcidin.irida");
        oralIronBsgRise = t.get("oral-iron.bsg.rise");
        oralIronBsgDays = t.get("oral-iron.bsg.days");
        oralIronDonkerRise = t.get("oral-iron.donker.rise");
        oralIronDonkerDays = t.get("oral-iron.donker.days");
        pyridoxineRise = t.get("pyridoxine.response.rise");
        wbcLow = t.get("wbc.low");
        reticulocytesHigh = t.get("reticulocytes.high");
        reticulocytesAbsoluteHigh = t.get("reticulocytes-absolute.high");
        bilirubinHigh = t.get("bilirubin.high");
        haptoglobinLow = t.get("haptoglobin.low");
        ldhHigh = t.get("ldh.high");
        porphyrinsPlasmaHigh = t.get("porphyrins-plasma.high");
        porphyrinsUrineHigh = t.get("porphyrins-urine.high");
        ckdFerritin = t.get("ckd.absolute-id.ferritin");
        ckdTsat = t.get("ckd.absolute-id.tsat");
        ckdTrialTsat = t.get("ckd.iron-trial.tsat");
        ckdTrialFerritin = t.get("ckd.iron-trial.ferritin");
        ageAga = t.get("age.aga");
        ageLeadLower = t.get("age.lead-screening.lower");
        ageLeadUpper = t.get("age.lead-screening.upper");
        ageFractionation = t.get("age.hb-fractionation");
        ageEarlyChildhood = t.get("age.early-childhood");
        ageGiWomen = t.get("age.gi-evaluation.women");
        oiatAdequate = t.get("oiat.adequate-rise");
        oiatPostDoseEarliest = t.get("oiat.post-dose.earliest");
        oiatPostDoseLatest = t.get("oiat.post-dose.latest");
        oiatPreDoseEarliest = t.get("oiat.pre-dose.earliest");
        windowIvIron = t.get("window.iv-iron");
        windowHepcidinIronFree = t.get("window.hepcidin-iron-free");
        windowTransfusion = t.get("window.transfusion");
    }
}
