package dev.microcytic.cdshooks.differential.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcytic.cdshooks.differential.CandidateCause;
import dev.microcytic.cdshooks.differential.ClinicalCase;
import dev.microcytic.cdshooks.differential.Differential;
import dev.microcytic.cdshooks.differential.Fixtures;
import dev.microcytic.cdshooks.differential.LabPanel;
import dev.microcytic.cdshooks.differential.PatientContext;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.knowledge.rules.RuleKnowledge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule catalogue ({@code rules.json}) is complete, names only what the package holds, and says what the engine
 * does: every rule outcome proposed while the fixture cases and vignettes run proposes a cause and band its entry
 * lists.
 */
class RuleCatalogueTest {

    static final RuleCatalogue CATALOGUE = RuleCatalogue.bundled();
    static final RuleKnowledge K = RuleKnowledge.bundled();

    @Test
    void everyScoreKeyHasExactlyOneCatalogueEntryAndEveryEntryAScoreKey() {
        Set<String> keys = Stream.of(Score.values()).map(Score::key).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        StringBuilder templates = new StringBuilder();
        for (Score score : Score.values()) {
            RuleCatalogue.Entry e = CATALOGUE.entry(score);
            if (e == null || e.raw() == null) {
                missing.add(score.key());
                templates
                        .append("\n    {\"score\": \"")
                        .append(score.key())
                        .append("\", \"kind\": \"proposal\", \"causes\": [\"<cause code>\"], ")
                        .append("\"bands\": [\"likely|possible|consider\"], \"findings\": [], ")
                        .append("\"inputs\": [\"<ANALYTE>\"], ")
                        .append("\"thresholds\": [\"<threshold id>\"], \"nextTests\": [\"<test code>\"]},");
                if (e != null) {
                    templates.append("  // scores.json: ").append(e.meaning());
                }
            }
        }
        List<String> orphans = new ArrayList<>(CATALOGUE.orphans);
        CATALOGUE.entries.keySet().stream().filter(k -> !keys.contains(k)).forEach(orphans::add);
        assertThat(missing)
                .as("Score keys without an entry in the knowledge package's rules.json. Add one entry per key to its"
                        + " \"rules\" list (kind \"cap\" for a key that only caps an earlier proposal), with the"
                        + " cause codes and bands the rule proposes with that key, then regenerate"
                        + " docs/clinical-rules.md (-Dmicrocytic.rules.update=true on ClinicalRulesDocumentTest):"
                        + templates)
                .isEmpty();
        assertThat(orphans)
                .as("rules.json entries whose score is not a Score key (remove them, or rename them to the key)")
                .isEmpty();
        assertThat(CATALOGUE.duplicates)
                .as("score keys with more than one rules.json entry")
                .isEmpty();
    }

    @Test
    void everyEntryNamesOnlyWhatThePackageHolds() {
        Set<String> analytes = Stream.of(Analyte.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> flags = Stream.of(ClinicalFlag.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> medications =
                Stream.of(MedicationClass.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> problems = new ArrayList<>();
        for (RuleCatalogue.Entry e : CATALOGUE.entries.values()) {
            if (e.raw() == null) {
                continue;
            }
            String at = "rules.json " + e.score() + ": ";
            for (Iterator<String> it = e.raw().fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!RuleCatalogue.FIELDS.contains(field)) {
                    problems.add(at + "unknown field '" + field + "'");
                }
            }
            if (!RuleCatalogue.KINDS.contains(e.kind())) {
                problems.add(at + "kind '" + e.kind() + "' is not one of " + RuleCatalogue.KINDS);
            }
            if (e.causes().isEmpty()) {
                problems.add(at + "no cause");
            }
            if (e.bands().isEmpty()) {
                problems.add(at + "no band");
            }
            e.causes().stream()
                    .filter(c -> CATALOGUE.pkg.cause(c).isEmpty())
                    .forEach(c -> problems.add(at + "cause '" + c + "' is not in the cause CodeSystem"));
            e.bands().stream()
                    .filter(b -> !RuleCatalogue.BANDS.contains(b))
                    .forEach(b -> problems.add(at + "band '" + b + "' is not one of " + RuleCatalogue.BANDS));
            e.thresholds().stream()
                    .filter(t -> K.thresholds().find(t).isEmpty())
                    .forEach(t -> problems.add(at + "threshold '" + t + "' is not in thresholds.json"));
            e.nextTests().stream()
                    .filter(t -> CATALOGUE.pkg.test(t).isEmpty())
                    .forEach(t -> problems.add(at + "next test '" + t + "' is not in the test CodeSystem"));
            e.sources().stream()
                    .filter(s -> CATALOGUE.pkg.reference(s).isEmpty())
                    .forEach(s -> problems.add(at + "source '" + s + "' (scores.json) is not in references.json"));
            e.findings().stream()
                    .filter(f -> !CATALOGUE.findings.containsKey(f))
                    .forEach(f -> problems.add(at + "finding '" + f + "' is not under \"findings\" in rules.json"));
            inputs(at, e.inputs(), analytes, flags, medications, problems);
        }
        for (RuleCatalogue.Finding f : CATALOGUE.findings.values()) {
            String at = "rules.json finding " + f.id() + ": ";
            inputs(at, f.inputs(), analytes, flags, medications, problems);
            f.thresholds().stream()
                    .filter(t -> K.thresholds().find(t).isEmpty())
                    .forEach(t -> problems.add(at + "threshold '" + t + "' is not in thresholds.json"));
        }
        assertThat(problems).isEmpty();
    }

    private static void inputs(
            String at,
            List<String> inputs,
            Set<String> analytes,
            Set<String> flags,
            Set<String> medications,
            List<String> problems) {
        for (String input : inputs) {
            boolean known = input.startsWith("flag:")
                    ? flags.contains(input.substring(5))
                    : input.startsWith("medication:")
                            ? medications.contains(input.substring(11))
                            : analytes.contains(input) || RuleCatalogue.OTHER_INPUTS.containsKey(input);
            if (!known) {
                problems.add(at + "input '" + input + "' is not an Analyte, flag:ClinicalFlag,"
                        + " medication:MedicationClass or one of "
                        + new TreeSet<>(RuleCatalogue.OTHER_INPUTS.keySet()));
            }
        }
    }

    @Test
    void everyProposalOfTheFixturesAndVignettesMatchesItsCatalogueEntry() throws IOException {
        GuidelineDifferentialEngine engine = GuidelineDifferentialEngine.standard();
        Map<String, Input> inputs = new LinkedHashMap<>();
        for (ClinicalCase c : Fixtures.cases()) {
            inputs.put("case " + c.id(), new Input(c.panel(), c.context()));
        }
        for (JsonNode v : Fixtures.vignettes()) {
            inputs.put(
                    "vignette " + v.path("id").asText(),
                    new Input(Fixtures.vignettePanel(v), Fixtures.vignetteContext(v)));
        }
        List<Score> raising = raisingOutcomes();
        List<String> problems = new ArrayList<>();
        Set<String> exercised = new TreeSet<>();
        for (Map.Entry<String, Input> input : inputs.entrySet()) {
            List<Board.Proposal> trace = new ArrayList<>();
            Differential d =
                    engine.evaluate(input.getValue().panel(), input.getValue().context(), trace);
            String at = input.getKey() + ": ";
            for (Board.Proposal p : trace) {
                RuleCatalogue.Entry e = CATALOGUE.entry(p.score());
                exercised.add(p.score().key());
                if (e == null || e.raw() == null) {
                    continue; // reported by the completeness test
                }
                String band = band(p);
                if (!e.kind().equals("proposal")
                        || !e.causes().contains(p.cause().code())
                        || !e.bands().contains(band)) {
                    problems.add(at + p.score().key() + " proposed " + p.cause().code() + " " + band
                            + "; rules.json says " + e.kind() + " " + e.causes() + " " + e.bands());
                }
            }
            for (CandidateCause c : d.causes()) {
                List<RuleCatalogue.Entry> proposers = Stream.concat(
                                trace.stream().map(Board.Proposal::score), raising.stream())
                        .map(CATALOGUE::entry)
                        .filter(e -> e != null && e.raw() != null && e.causes().contains(c.code()))
                        .toList();
                if (proposers.isEmpty()) {
                    problems.add(at + c.code() + " is in the differential but no traced rule outcome lists it");
                    continue;
                }
                int strongest = proposers.stream()
                        .flatMap(e -> e.bands().stream())
                        .mapToInt(RuleCatalogue.BANDS::indexOf)
                        .min()
                        .orElseThrow();
                if (c.likelihood().ordinal() < strongest) {
                    problems.add(at + c.code() + " is " + c.likelihood() + ", stronger than any band its rule"
                            + " outcomes list in rules.json");
                }
            }
        }
        List<String> unexercised = Stream.of(Score.values())
                .map(Score::key)
                .filter(k -> !exercised.contains(k))
                .toList();
        Path report = Path.of("target", "rule-outcomes-exercised.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(
                report,
                exercised.size() + " of " + Score.values().length + " rule outcomes proposed by the fixtures and"
                        + " vignettes; not proposed: " + String.join(", ", unexercised) + "\n");
        assertThat(problems).isEmpty();
        assertThat(exercised).as("rule outcomes the fixtures exercise").hasSizeGreaterThan(60);
    }

    /**
     * The proposals written in the rule sources agree with the catalogue too, also those no fixture reaches: each
     * {@code board.propose(Cause.X, BAND, Score.Y)} (or {@code c ? BAND1 : BAND2, c ? Score.Y1 : Score.Y2}) proposes a
     * cause and band the entry of its score lists.
     */
    @Test
    void everyProposalWrittenInTheRuleSourcesMatchesItsCatalogueEntry() throws IOException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String statement : proposeStatements()) {
            Matcher cause = CAUSE.matcher(statement);
            if (!cause.find()) {
                continue; // a cause chosen at run time: the fixtures check it
            }
            String code = Cause.valueOf(cause.group(1)).code();
            Map<String, String> bands = new LinkedHashMap<>();
            Matcher ternary = TERNARY.matcher(statement);
            if (ternary.find()) {
                bands.put(ternary.group(4), ternary.group(2));
                bands.put(ternary.group(5), ternary.group(3));
            } else {
                Matcher band = BAND_ARGUMENT.matcher(statement);
                if (band.find()) {
                    SCORE.matcher(statement).results().forEach(r -> bands.put(r.group(1), band.group(1)));
                }
            }
            for (Map.Entry<String, String> b : bands.entrySet()) {
                RuleCatalogue.Entry e = CATALOGUE.entry(Score.valueOf(b.getKey()));
                String band = b.getValue().toLowerCase(Locale.ROOT);
                checked++;
                if (e == null || e.raw() == null) {
                    continue; // reported by the completeness test
                }
                if (!e.causes().contains(code) || !e.bands().contains(band)) {
                    problems.add(e.score() + " is proposed as " + code + " " + band + " in the rule sources; rules.json"
                            + " says " + e.causes() + " " + e.bands());
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).as("proposals checked in the rule sources").isGreaterThan(100);
    }

    private static final Pattern CAUSE = Pattern.compile("Cause\\.(\\w+)");
    /** A band written as the second argument of {@code propose}. */
    private static final Pattern BAND_ARGUMENT =
            Pattern.compile("^board\\.propose\\(\\s*Cause\\.\\w+,\\s*(LIKELY|POSSIBLE|CONSIDER)\\s*,");

    private static final Pattern SCORE = Pattern.compile("Score\\.(\\w+)");
    private static final Pattern TERNARY = Pattern.compile(
            "([\\w.()! &|]+?)\\s*\\?\\s*(LIKELY|POSSIBLE|CONSIDER)\\s*:\\s*(LIKELY|POSSIBLE|CONSIDER),\\s*\\1\\s*\\?"
                    + "\\s*Score\\.(\\w+)\\s*:\\s*Score\\.(\\w+)\\)");

    /** The {@code board.propose(...)} calls of the rule sources that name a {@code Score}, whitespace collapsed. */
    static List<String> proposeStatements() throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(rulesSources())) {
            for (Path file : files.sorted().toList()) {
                String source = Files.readString(file).replaceAll("\\s+", " ");
                int at = 0;
                while ((at = source.indexOf("board.propose(", at)) >= 0) {
                    int end = source.indexOf(';', at);
                    String statement = source.substring(at, end);
                    if (statement.contains("Score.")) {
                        out.add(statement);
                    }
                    at = end;
                }
            }
        }
        return out;
    }

    static Path rulesSources() {
        return ProjectRoot.find().resolve("cds-hooks/src/main/java/dev/microcytic/cdshooks/differential/rules");
    }

    /**
     * The rule outcomes that also raise a cause another outcome proposed ({@code b.raise(band, w.k.score(Score.X))}):
     * the raise bypasses {@link Board#propose} and so the trace, and the source is where it shows.
     */
    static List<Score> raisingOutcomes() throws IOException {
        List<Score> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(rulesSources())) {
            for (Path file : files.sorted().toList()) {
                Matcher m = RAISE.matcher(Files.readString(file));
                while (m.find()) {
                    out.add(Score.valueOf(m.group(1)));
                }
            }
        }
        assertThat(out).as("raises found in the rule sources").isNotEmpty();
        return out;
    }

    private static final Pattern RAISE =
            Pattern.compile("\\.raise\\(\\s*\\w+,\\s*w\\.k\\.score\\(Score\\.(\\w+)\\)\\)");

    private static String band(Board.Proposal p) {
        return p.likelihood().name().toLowerCase(Locale.ROOT);
    }

    private record Input(LabPanel panel, PatientContext context) {}
}
