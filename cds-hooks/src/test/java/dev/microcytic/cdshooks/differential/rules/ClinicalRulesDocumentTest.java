package dev.microcytic.cdshooks.differential.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ValueFormat;
import dev.microcytic.terminology.knowledge.Reference;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import dev.microcytic.terminology.knowledge.rules.Threshold;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/clinical-rules.md}, the document a CDS governance committee reviews and signs, is generated from the
 * knowledge package (the rule catalogue {@code rules.json} with {@code scores.json}, {@code thresholds.json},
 * {@code references.json} and the cause and test CodeSystems); this test fails when the committed file differs.
 *
 * <p>Regenerate after an intended change with {@code -Dmicrocytic.rules.update=true} and review the diff.
 */
class ClinicalRulesDocumentTest {

    static final String DOCUMENT = "docs/clinical-rules.md";
    static final String COMMAND = "./mvnw -q -pl terminology,cds-hooks -am test -Dmicrocytic.cds.skip=true"
            + " -Dtest=ClinicalRulesDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -Dmicrocytic.rules.update=true";
    private static final boolean UPDATE = Boolean.getBoolean("microcytic.rules.update");

    private static final Map<String, String> FAMILIES = Map.of(
            "iron", "Iron status (`IronRules`)",
            "acquired", "Acquired causes (`AcquiredCauseRules`)",
            "hemoglobinopathy", "Hemoglobinopathies (`HemoglobinopathyRules`)",
            "irida", "Iron-refractory iron deficiency anemia (`IridaRules`)",
            "donker", "Rare genetic causes of the Donker 2014 flowchart (`DonkerRules`, `PorphyriaRules`)",
            "known-diagnosis", "Known diagnoses on the problem list (`KnownDiagnosisRules`)",
            "ranking", "Ranking gates (`Ranking`)");

    @Test
    void theCommittedDocumentIsCurrent() throws IOException {
        Path root = ProjectRoot.find();
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        String status = status(root, catalogue.pkg.version());
        String rendered = render(catalogue, RuleKnowledge.bundled(), status);
        Path file = root.resolve(DOCUMENT);
        if (UPDATE) {
            Files.writeString(file, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file))
                .as(DOCUMENT + " exists (generate it with: " + COMMAND + ")")
                .isTrue();
        assertThat(Files.readString(file, StandardCharsets.UTF_8))
                .as(DOCUMENT + " is stale: regenerate it with " + COMMAND + " and review the diff")
                .isEqualTo(rendered);
    }

    @Test
    void theDocumentListsEveryRuleOutcomeWithItsBandThresholdValueAndSourceLink() throws IOException {
        RuleCatalogue catalogue = RuleCatalogue.bundled();
        String md = render(catalogue, RuleKnowledge.bundled(), status(ProjectRoot.find(), catalogue.pkg.version()));
        for (Score score : Score.values()) {
            assertThat(md).contains("#### `" + score.key() + "`");
        }
        assertThat(md)
                .contains("#### `iron-deficiency-absent-stores`: likely, weight 330")
                .contains("`ferritin.probable-id`: Ferritin < 30 ng/mL")
                .contains("[Donker et al., Blood 2014](https://ashpublications.org/blood/article/123/25/3873/")
                .contains("Not signed off for clinical use")
                .contains(COMMAND);
    }

    /** The reviewer line of the package README (its sign-off status), continuation lines joined. */
    static String status(Path root, String version) throws IOException {
        Path readme = root.resolve("terminology/src/main/resources/knowledge/microcytic/" + version + "/README.md");
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            if (out.length() == 0 && line.startsWith("- Reviewer:")) {
                out.append(line.substring(2).trim());
            } else if (out.length() > 0 && line.startsWith("  ")) {
                out.append(' ').append(line.trim());
            } else if (out.length() > 0) {
                break;
            }
        }
        assertThat(out.toString()).as("the package README's reviewer line").startsWith("Reviewer:");
        return out.toString();
    }

    static String render(RuleCatalogue catalogue, RuleKnowledge knowledge, String status) {
        var pkg = catalogue.pkg;
        StringBuilder md = new StringBuilder();
        md.append("# Clinical rules of the microcytic differential\n\n")
                .append("<!-- Generated by ClinicalRulesDocumentTest from the knowledge package: do not edit. -->\n\n")
                .append("- Knowledge package: `")
                .append(pkg.id())
                .append("` version ")
                .append(pkg.version())
                .append(", dated ")
                .append(pkg.date())
                .append(" (`terminology/src/main/resources/knowledge/microcytic/")
                .append(pkg.version())
                .append("/`).\n")
                .append("- Status: ")
                .append(status)
                .append(" (knowledge package README)\n")
                .append("- Generated from the rule catalogue `rules.json` with `scores.json`, `thresholds.json`,")
                .append(" `references.json` and the cause and test CodeSystems by `ClinicalRulesDocumentTest`,")
                .append(" which fails when this file is stale. Regenerate after a change to the package:\n\n")
                .append("  ```\n  ")
                .append(COMMAND)
                .append("\n  ```\n\n");
        md.append("## How to read it\n\n")
                .append("Each rule outcome (a `Score` key of the engine) is listed under its rule family and the cause")
                .append(" it proposes. **When** is the outcome's condition; the **band** is the likelihood it gives:")
                .append(" *likely* (the data meet the cause's defining criteria), *possible* (the data fit, but a")
                .append(" decisive test is missing or a competing cause fits as well), *consider* (kept because it")
                .append(" cannot be excluded and a test would settle it). The **weight** orders causes within a band:")
                .append(" 300+ = a confirmatory value or a known diagnosis, 200-299 = pattern plus a supportive value,")
                .append(" below 200 = pattern only or \"cannot exclude\". A *cap* lowers an earlier proposal to at")
                .append(" most the band and weight given. After all rules, the ranking orders the causes by band,")
                .append(" weight and prior prevalence. **Inputs**, **thresholds** and **next tests** are those of the")
                .append(" decision step that yields the outcome (its branch of the rule family); **sources** are the")
                .append(" guideline or paper whose criterion the outcome applies, each threshold with its own.")
                .append(" `RuleCatalogueTest` checks, on every fixture case and published vignette, that each outcome")
                .append(" the engine proposes has the cause and band listed here.\n\n");
        TreeSet<String> cited = new TreeSet<>();
        md.append("## Derived findings\n\n")
                .append("Findings several rules read, each described once; a rule below names those it reads and")
                .append(" lists only its other inputs and thresholds.\n\n");
        for (RuleCatalogue.Finding f : catalogue.findings.values()) {
            md.append("### Finding `").append(f.id()).append("`\n\n");
            md.append("- What: ").append(f.meaning()).append('\n');
            inputs(md, f.inputs(), knowledge);
            thresholds(md, f.thresholds(), catalogue, knowledge, cited);
            md.append('\n');
        }
        Map<String, Map<String, List<RuleCatalogue.Entry>>> byFamily = new LinkedHashMap<>();
        for (RuleCatalogue.Entry e : catalogue.entries.values()) {
            String cause =
                    e.causes().isEmpty() ? "(no catalogue entry)" : e.causes().get(0);
            byFamily.computeIfAbsent(e.family(), f -> new LinkedHashMap<>())
                    .computeIfAbsent(cause, c -> new ArrayList<>())
                    .add(e);
        }
        md.append("| rule family | causes | rule outcomes |\n|---|---|---|\n");
        for (var family : byFamily.entrySet()) {
            md.append("| ")
                    .append(FAMILIES.getOrDefault(family.getKey(), family.getKey()))
                    .append(" | ")
                    .append(family.getValue().size())
                    .append(" | ")
                    .append(family.getValue().values().stream()
                            .mapToInt(List::size)
                            .sum())
                    .append(" |\n");
        }
        md.append('\n');
        for (var family : byFamily.entrySet()) {
            md.append("## ")
                    .append(FAMILIES.getOrDefault(family.getKey(), family.getKey()))
                    .append("\n\n");
            for (var cause : family.getValue().entrySet()) {
                md.append("### ")
                        .append(pkg.cause(cause.getKey()).map(c -> c.display()).orElse(cause.getKey()))
                        .append(" (`")
                        .append(cause.getKey())
                        .append("`)\n\n");
                for (RuleCatalogue.Entry e : cause.getValue()) {
                    rule(md, e, catalogue, knowledge, cited);
                }
            }
        }
        md.append("## References\n\n");
        for (String id : cited) {
            Reference r = pkg.reference(id).orElseThrow();
            md.append("- `").append(id).append("`: ").append(link(r)).append(". ");
            md.append(r.citation() == null ? "" : r.citation()).append('\n');
        }
        md.append("\n## Sign-off\n\n")
                .append("| role | name | decision | date | signature |\n|---|---|---|---|---|\n")
                .append("| Clinical lead, haematology | | | | |\n")
                .append("| Clinical safety officer | | | | |\n")
                .append("| Chair, CDS governance committee | | | | |\n");
        return md.toString();
    }

    private static void rule(
            StringBuilder md,
            RuleCatalogue.Entry e,
            RuleCatalogue catalogue,
            RuleKnowledge knowledge,
            TreeSet<String> cited) {
        var pkg = catalogue.pkg;
        md.append("#### `")
                .append(e.score())
                .append("`: ")
                .append(String.join(" or ", e.bands()))
                .append(", weight ")
                .append(e.weight())
                .append("\n\n")
                .append("- When: ")
                .append(e.meaning())
                .append('\n');
        List<String> causes = e.causes().stream()
                .map(c -> pkg.cause(c).map(d -> d.display()).orElse(c) + " (`" + c + "`)")
                .toList();
        md.append("cap".equals(e.kind()) ? "- Caps: " : "- Proposes: ")
                .append(causes.isEmpty() ? "no catalogue entry" : String.join("; ", causes))
                .append('\n');
        if (!e.findings().isEmpty()) {
            md.append("- Findings read: ")
                    .append(String.join(
                            ", ", e.findings().stream().map(f -> "`" + f + "`").toList()))
                    .append('\n');
        }
        inputs(md, e.inputs(), knowledge);
        thresholds(md, e.thresholds(), catalogue, knowledge, cited);
        if (!e.nextTests().isEmpty()) {
            md.append("- Next tests: ")
                    .append(String.join(
                            "; ",
                            e.nextTests().stream()
                                    .map(t -> pkg.test(t).map(d -> d.display()).orElse(t))
                                    .toList()))
                    .append('\n');
        }
        md.append("- Sources: ").append(labels(e.sources(), catalogue, cited)).append('\n');
        if (e.note() != null) {
            md.append("- Note: ").append(e.note()).append('\n');
        }
        md.append('\n');
    }

    private static void inputs(StringBuilder md, List<String> inputs, RuleKnowledge knowledge) {
        if (!inputs.isEmpty()) {
            md.append("- Inputs: ")
                    .append(String.join(
                            ", ", inputs.stream().map(i -> input(i, knowledge)).toList()))
                    .append('\n');
        }
    }

    private static void thresholds(
            StringBuilder md,
            List<String> ids,
            RuleCatalogue catalogue,
            RuleKnowledge knowledge,
            TreeSet<String> cited) {
        if (ids.isEmpty()) {
            return;
        }
        md.append("- Thresholds:\n");
        for (String id : ids) {
            md.append("  - `").append(id).append("`: ");
            Threshold t = knowledge.thresholds().find(id).orElse(null);
            if (t == null) {
                md.append("not in thresholds.json\n");
                continue;
            }
            if (t.analyte() != null) {
                md.append(knowledge.analyteNames().evidence(Analyte.valueOf(t.analyte())))
                        .append(' ');
            } else {
                md.append("value ");
            }
            md.append(t.comparator())
                    .append(' ')
                    .append(quantity(t.value(), t.unit()))
                    .append(": ")
                    .append(t.meaning())
                    .append(" (")
                    .append(labels(t.sources(), catalogue, cited))
                    .append(")\n");
        }
    }

    private static String labels(List<String> ids, RuleCatalogue catalogue, TreeSet<String> cited) {
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            cited.add(id);
            out.add(catalogue
                    .pkg
                    .reference(id)
                    .map(ClinicalRulesDocumentTest::link)
                    .orElse("`" + id + "`"));
        }
        return String.join("; ", out);
    }

    private static String link(Reference r) {
        return r.link().map(url -> "[" + r.label() + "](" + url + ")").orElse(r.label());
    }

    private static String input(String input, RuleKnowledge knowledge) {
        if (input.startsWith("flag:")) {
            return words(input.substring(5)) + " (coded condition or history)";
        }
        if (input.startsWith("medication:")) {
            return words(input.substring(11)) + " (medication)";
        }
        String other = RuleCatalogue.OTHER_INPUTS.get(input);
        return other != null ? other : knowledge.analyteNames().evidence(Analyte.valueOf(input));
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String quantity(double value, String unit) {
        String number = ValueFormat.evidence(value);
        return switch (unit) {
            case "a" -> number + " years";
            case "d" -> number + " days";
            case "1" -> number;
            case "%" -> number + " %";
            default -> number + " " + ValueFormat.unit(unit);
        };
    }
}
