package dev.microcytic.cdshooks.service;

import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.Caveat;
import dev.microcytic.cdshooks.differential.ComputedIndex;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Evidence;
import dev.microcytic.cdshooks.differential.LabValue;
import dev.microcytic.cdshooks.differential.SuggestedTest;
import dev.microcytic.terminology.ValueFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The markdown detail of a cause's card: the evidence for and against with dates, thresholds and sources, the
 * discrimination indices with their published performance, the alternatives and what argues against them, the
 * caveats, the next tests in order, the knowledge version and the numbered references.
 */
final class CardDetail {

    private CardDetail() {}

    static String write(
            CandidateCause cause,
            List<CandidateCause> shown,
            Differential differential,
            List<String> dataNotes,
            CardReferences references) {
        StringBuilder md = new StringBuilder();
        md.append("**")
                .append(CardText.cell(cause.display()))
                .append(": ")
                .append(CardWriter.likelihoodWord(cause.likelihood()))
                .append("** (rank ")
                .append(cause.rank())
                .append(" of ")
                .append(differential.causes().size())
                .append(" in the differential)\n\n");
        evidenceTable(md, "Findings for", cause.supporting(), differential, references);
        if (cause.supporting().isEmpty()) {
            evidenceTable(md, "Red-cell findings", differential.findings().evidence(), differential, references);
        }
        if (!cause.opposing().isEmpty()) {
            evidenceTable(md, "Findings against", cause.opposing(), differential, references);
        }
        indices(md, differential.indices(), references);
        alternatives(md, cause, shown, differential, references);
        caveats(md, cause, differential, dataNotes, references);
        nextTests(md, cause);
        md.append("---\n\nKnowledge package microcytic ")
                .append(CardText.cell(differential.knowledgeVersion()))
                .append(" (microcytic-cds).");
        references.appendTo(md);
        return md.toString();
    }

    private static void evidenceTable(
            StringBuilder md, String title, List<Evidence> evidence, Differential differential, CardReferences refs) {
        if (evidence.isEmpty()) {
            return;
        }
        md.append("| ").append(title).append(" | Value | Threshold | Date | Source |\n");
        md.append("|---|---|---|---|---|\n");
        for (Evidence item : evidence) {
            String unit = item.unit() != null
                    ? item.unit()
                    : item.analyte() != null ? item.analyte().canonicalUnit() : null;
            md.append("| ").append(CardText.cell(item.statement())).append(" | ");
            if (item.value() != null) {
                md.append(CardText.cell(ValueFormat.quantity(item.value(), unit)));
                if (isDerived(item, differential)) {
                    md.append(" (derived)");
                }
            }
            md.append(" | ");
            if (item.threshold() != null) {
                md.append(CardText.cell((item.comparator() != null ? item.comparator() + " " : "")
                        + ValueFormat.quantity(item.threshold(), unit)));
            }
            md.append(" | ").append(date(item, differential)).append(" | ");
            md.append(refs.marker(item.sourceId())).append(" |\n");
        }
        md.append('\n');
    }

    private static Optional<LabValue> labValue(Evidence evidence, Differential differential) {
        if (evidence.labValueRef() != null) {
            Optional<LabValue> byRef = differential.valuesUsed().stream()
                    .filter(v -> evidence.labValueRef().equals(v.sourceId()))
                    .findFirst();
            if (byRef.isPresent()) {
                return byRef;
            }
        }
        if (evidence.analyte() == null || evidence.value() == null) {
            return Optional.empty();
        }
        return differential.valuesUsed().stream()
                .filter(v -> v.analyte() == evidence.analyte() && Math.abs(v.value() - evidence.value()) < 1e-9)
                .max(Comparator.comparing(LabValue::effective));
    }

    private static boolean isDerived(Evidence evidence, Differential differential) {
        return labValue(evidence, differential).map(LabValue::derived).orElse(false);
    }

    private static String date(Evidence evidence, Differential differential) {
        return labValue(evidence, differential)
                .filter(v -> v.effective() != null)
                .map(v -> v.effective().atOffset(ZoneOffset.UTC).toLocalDate().toString())
                .orElse("");
    }

    private static void indices(StringBuilder md, List<ComputedIndex> indices, CardReferences refs) {
        if (indices.isEmpty()) {
            return;
        }
        md.append("| Index | Formula | Value | Cut-off | Points to | Sensitivity / specificity | Source |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (ComputedIndex index : indices) {
            md.append("| ")
                    .append(CardText.cell(index.name()))
                    .append(" | ")
                    .append(CardText.cell(index.formula()))
                    .append(" | ")
                    .append(ValueFormat.display(index.value()))
                    .append(" | ")
                    .append(ValueFormat.display(index.cutoff()))
                    .append(" | ")
                    .append(CardText.cell(
                            index.favours() == null ? "" : index.favours().replace('-', ' ')))
                    .append(" | ")
                    .append(performance(index))
                    .append(" | ")
                    .append(refs.marker(index.sourceId()))
                    .append(" |\n");
        }
        md.append("\nIndices separate beta-thalassaemia trait from iron deficiency only in adults without "
                + "combined deficiencies; they do not replace Hb fractionation.\n\n");
    }

    private static String performance(ComputedIndex index) {
        if (index.sensitivity() == null && index.specificity() == null) {
            return "not published";
        }
        return (index.sensitivity() == null ? "?" : ValueFormat.display(index.sensitivity()) + "%")
                + " / "
                + (index.specificity() == null ? "?" : ValueFormat.display(index.specificity()) + "%");
    }

    private static void alternatives(
            StringBuilder md,
            CandidateCause cause,
            List<CandidateCause> shown,
            Differential differential,
            CardReferences refs) {
        List<CandidateCause> others = differential.causes().stream()
                .filter(other -> !other.code().equals(cause.code()))
                .toList();
        if (others.isEmpty()) {
            return;
        }
        md.append("**Alternatives and what argues against them:**\n\n");
        for (CandidateCause other : others) {
            md.append("- ")
                    .append(CardText.cell(other.display()))
                    .append(" (")
                    .append(CardWriter.likelihoodWord(other.likelihood()))
                    .append(shown.contains(other) ? ", own card" : "")
                    .append("): ");
            if (other.opposing().isEmpty()) {
                md.append("nothing in the data argues against it yet");
            } else {
                List<String> statements = new ArrayList<>();
                for (Evidence against : other.opposing().stream().limit(3).toList()) {
                    statements.add(CardText.cell(against.statement()) + " " + refs.marker(against.sourceId()));
                }
                md.append(String.join("; ", statements));
            }
            if (!other.nextTests().isEmpty()) {
                md.append(". Test that settles it: ")
                        .append(CardText.cell(other.nextTests().get(0).display()));
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static void caveats(
            StringBuilder md,
            CandidateCause cause,
            Differential differential,
            List<String> dataNotes,
            CardReferences refs) {
        Map<String, Caveat> caveats = new LinkedHashMap<>();
        cause.caveats().forEach(caveat -> caveats.putIfAbsent(caveat.code(), caveat));
        differential.caveats().forEach(caveat -> caveats.putIfAbsent(caveat.code(), caveat));
        if (caveats.isEmpty() && dataNotes.isEmpty()) {
            return;
        }
        md.append("**Caveats:**\n\n");
        for (Caveat caveat : caveats.values()) {
            md.append("- ")
                    .append(CardText.cell(caveat.text()))
                    .append(' ')
                    .append(refs.marker(caveat.sourceId()))
                    .append('\n');
        }
        for (String note : new LinkedHashSet<>(dataNotes)) {
            md.append("- ").append(CardText.cell(note)).append('\n');
        }
        md.append('\n');
    }

    private static void nextTests(StringBuilder md, CandidateCause cause) {
        if (cause.nextTests().isEmpty()) {
            return;
        }
        md.append("**Next tests, in order:**\n\n");
        int n = 1;
        for (SuggestedTest test : cause.nextTests()) {
            md.append(n++).append(". ").append(CardText.cell(test.display()));
            if (test.reason() != null && !test.reason().isBlank()) {
                md.append(": ").append(CardText.cell(test.reason()));
            }
            md.append('\n');
        }
        md.append('\n');
    }
}
