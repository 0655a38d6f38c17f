package dev.microcytic.terminology.knowledge.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The rule knowledge of one knowledge-package version: thresholds, discrimination indices, reference intervals,
 * analyte names, score weights and statement wording, read once from {@code knowledge/microcytic/<version>/} on the classpath. Every entry carries its sources.
 */
public final class RuleKnowledge {

    /** The knowledge version bundled with this build. */
    public static final String BUNDLED_VERSION = "1.1.0";

    private static final String ROOT = "/knowledge/microcytic/";

    private static volatile RuleKnowledge bundled;

    private final String version;
    private final Thresholds thresholds;
    private final DiscriminationIndices indices;
    private final ReferenceIntervals referenceIntervals;
    private final AnalyteNames analyteNames;
    private final Scores scores;
    private final StatementTemplates statements;

    private RuleKnowledge(
            String version,
            Thresholds thresholds,
            DiscriminationIndices indices,
            ReferenceIntervals referenceIntervals,
            AnalyteNames analyteNames,
            Scores scores,
            StatementTemplates statements) {
        this.version = version;
        this.thresholds = thresholds;
        this.indices = indices;
        this.referenceIntervals = referenceIntervals;
        this.analyteNames = analyteNames;
        this.scores = scores;
        this.statements = statements;
    }

    /** The bundled version, loaded once. */
    public static RuleKnowledge bundled() {
        RuleKnowledge local = bundled;
        if (local == null) {
            synchronized (RuleKnowledge.class) {
                local = bundled;
                if (local == null) {
                    local = load(BUNDLED_VERSION);
                    bundled = local;
                }
            }
        }
        return local;
    }

    /** Loads one version from the classpath; a missing or malformed file fails fast. */
    public static RuleKnowledge load(String version) {
        ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        String base = ROOT + version + "/";
        try {
            Thresholds thresholds =
                    new Thresholds(mapper.treeToValue(read(mapper, base + "thresholds.json"), Thresholds.File.class)
                            .thresholds());
            JsonNode indexNode = read(mapper, base + "indices.json").get("indices");
            List<DiscriminationIndexDefinition> indexList = new ArrayList<>();
            for (JsonNode node : indexNode) {
                indexList.add(mapper.treeToValue(node, DiscriminationIndexDefinition.class));
            }
            ReferenceIntervals intervals = intervals(version, read(mapper, base + "reference-intervals.json"));
            AnalyteNames names = new AnalyteNames(read(mapper, base + "analyte-names.json"));
            Scores scores = new Scores(read(mapper, base + "scores.json"));
            StatementTemplates statements = new StatementTemplates(read(mapper, base + "statements.json"));
            return new RuleKnowledge(
                    version, thresholds, new DiscriminationIndices(indexList), intervals, names, scores, statements);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule knowledge " + version, e);
        }
    }

    public String version() {
        return version;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public DiscriminationIndices indices() {
        return indices;
    }

    public ReferenceIntervals referenceIntervals() {
        return referenceIntervals;
    }

    public AnalyteNames analyteNames() {
        return analyteNames;
    }

    /** The score weights of the rule outcomes. */
    public Scores scores() {
        return scores;
    }

    /** The wording of caveats and evidence statements. */
    public StatementTemplates statements() {
        return statements;
    }

    private static JsonNode read(ObjectMapper mapper, String path) throws IOException {
        try (InputStream in = RuleKnowledge.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("missing knowledge file " + path);
            }
            return mapper.readTree(in);
        }
    }

    private static ReferenceIntervals intervals(String version, JsonNode root) {
        Map<ReferenceIntervals.HemoglobinCutoffSet, List<ReferenceIntervals.HemoglobinRow>> hemoglobin =
                new EnumMap<>(ReferenceIntervals.HemoglobinCutoffSet.class);
        JsonNode sets = root.path("hemoglobinCutoffs");
        sets.fieldNames().forEachRemaining(name -> {
            JsonNode set = sets.get(name);
            List<String> setSources = strings(set.path("sources"));
            String label = set.path("label").asText(name);
            List<ReferenceIntervals.HemoglobinRow> rows = new ArrayList<>();
            for (JsonNode row : set.path("rows")) {
                List<String> sources = row.has("sources") ? strings(row.get("sources")) : setSources;
                if (sources.isEmpty()) {
                    throw new IllegalArgumentException("hemoglobin row without sources in " + name);
                }
                ReferenceIntervals.HemoglobinCutoff cutoff = new ReferenceIntervals.HemoglobinCutoff(
                        row.path("anemiaBelow").asDouble(),
                        row.path("moderateBelow").asDouble(),
                        row.path("severeBelow").asDouble(),
                        row.path("population").asText(),
                        label,
                        sources);
                rows.add(new ReferenceIntervals.HemoglobinRow(
                        ReferenceIntervals.band(
                                row.path("from").asText(),
                                row.hasNonNull("to") ? row.get("to").asText() : null),
                        row.hasNonNull("sex") ? Sex.valueOf(row.get("sex").asText()) : null,
                        row.hasNonNull("pregnant") ? row.get("pregnant").asBoolean() : null,
                        row.hasNonNull("trimester")
                                ? Pregnancy.valueOf(row.get("trimester").asText())
                                : null,
                        cutoff));
            }
            hemoglobin.put(ReferenceIntervals.HemoglobinCutoffSet.valueOf(name), List.copyOf(rows));
        });
        Map<ReferenceIntervals.Table, List<ReferenceIntervals.AgeRow>> tables =
                new EnumMap<>(ReferenceIntervals.Table.class);
        JsonNode tableNodes = root.path("tables");
        tableNodes.fieldNames().forEachRemaining(name -> {
            JsonNode table = tableNodes.get(name);
            String unit = table.path("unit").asText();
            List<String> tableSources = strings(table.path("sources"));
            List<ReferenceIntervals.AgeRow> rows = new ArrayList<>();
            for (JsonNode row : table.path("rows")) {
                List<String> sources = row.has("sources") ? strings(row.get("sources")) : tableSources;
                if (sources.isEmpty()) {
                    throw new IllegalArgumentException("row without sources in " + name);
                }
                AgeBand band = ReferenceIntervals.band(
                        row.path("from").asText(),
                        row.hasNonNull("to") ? row.get("to").asText() : null);
                rows.add(new ReferenceIntervals.AgeRow(
                        band, new ReferenceIntervals.AgeLimit(row.path("value").asDouble(), unit, band, sources)));
            }
            tables.put(ReferenceIntervals.Table.valueOf(name), List.copyOf(rows));
        });
        return new ReferenceIntervals(version, hemoglobin, tables);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(node.asText());
        }
        return List.copyOf(out);
    }
}
