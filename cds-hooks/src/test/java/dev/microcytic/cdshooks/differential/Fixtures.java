package dev.microcytic.cdshooks.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one loader of the clinical fixtures, shared with the server's tests through the test-jar: the scenario cases
 * under {@code cases/} (one {@link ClinicalCase} per file, named by outcome) and the published dev vignettes, which it
 * converts generically into engine input (LOINC to analyte, unit to canonical unit, notes to a timeline, history to
 * flags and medications; nothing is added).
 */
public final class Fixtures {

    public static final String CASES = "/dev/microcytic/cdshooks/cases";
    public static final String VIGNETTES = "/dev/microcytic/cdshooks/vignettes/vignettes-dev.json";
    static final LocalDate DATE = ClinicalCase.EVALUATION_DATE;

    private Fixtures() {}

    /** The classpath names of the case files, sorted. */
    public static List<String> caseResources() {
        URL url = Fixtures.class.getResource(CASES);
        try {
            File[] files = new File(url.toURI()).listFiles((d, name) -> name.endsWith(".json"));
            List<String> names = new ArrayList<>();
            Arrays.stream(files).map(File::getName).sorted().forEach(n -> names.add(CASES + "/" + n));
            return names;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every case, in file-name order. */
    public static List<ClinicalCase> cases() {
        return caseResources().stream().map(ClinicalCase::read).toList();
    }

    public static JsonNode vignettes() throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(VIGNETTES)) {
            return new ObjectMapper().readTree(in);
        }
    }

    public static PatientContext vignetteContext(JsonNode v) {
        LocalDate birth = v.hasNonNull("age_years")
                ? DATE.minusMonths(Math.round(v.get("age_years").asDouble() * 12))
                : null;
        String sexText = v.path("sex").asText("");
        Sex sex = sexText.equals("male") ? Sex.MALE : sexText.equals("female") ? Sex.FEMALE : Sex.UNKNOWN;
        JsonNode h = v.path("history");
        Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
        flag(h, "photosensitivity", ClinicalFlag.PHOTOSENSITIVITY, flags);
        flag(h, "neurological_signs", ClinicalFlag.NEUROLOGICAL_DISEASE, flags);
        flag(h, "ataxia", ClinicalFlag.ATAXIA, flags);
        flag(h, "diabetes", ClinicalFlag.DIABETES, flags);
        flag(h, "hemolysis", ClinicalFlag.HEMOLYSIS, flags);
        flag(h, "inflammation", ClinicalFlag.INFLAMMATION, flags);
        List<MedicationExposure> meds = new ArrayList<>();
        for (JsonNode other : h.path("other")) {
            String text = other.asText().toLowerCase(Locale.ROOT);
            if (text.contains("bleeding")) {
                flags.add(ClinicalFlag.BLEEDING);
            }
            if (text.contains("rheumatoid")
                    || text.contains("osteomyelitis")
                    || text.contains("septic")
                    || text.contains("tuberculosis")) {
                flags.add(ClinicalFlag.INFLAMMATION);
            }
            if (text.contains("zinc")) {
                meds.add(new MedicationExposure(MedicationClass.ZINC, DATE.minusDays(300), null, true));
            }
        }
        for (JsonNode drug : h.path("drug_exposure")) {
            String text = drug.asText().toLowerCase(Locale.ROOT);
            if (text.contains("linezolid")) {
                meds.add(new MedicationExposure(MedicationClass.LINEZOLID, DATE.minusDays(60), null, true));
            }
            if (text.contains("isoniazid")) {
                meds.add(new MedicationExposure(MedicationClass.ISONIAZID, DATE.minusDays(60), null, true));
            }
        }
        if (h.path("pyridoxine_response").asBoolean(false)) {
            meds.add(new MedicationExposure(MedicationClass.PYRIDOXINE, DATE.minusDays(60), null, true));
        }
        LocalDate transfusion = h.path("recent_transfusion").asBoolean(false) ? DATE.minusDays(2) : null;
        return new PatientContext(DATE, birth, sex, Pregnancy.UNKNOWN, flags, meds, transfusion);
    }

    private static void flag(JsonNode history, String field, ClinicalFlag flag, Set<ClinicalFlag> flags) {
        if (history.path(field).asBoolean(false)) {
            flags.add(flag);
        }
    }

    public static LabPanel vignettePanel(JsonNode v) {
        List<LabValue> values = new ArrayList<>();
        JsonNode labs = v.path("labs");
        Double ratio = null;
        Double tsat = null;
        Instant noon = DATE.atTime(12, 0).toInstant(ZoneOffset.UTC);
        int n = 0;
        for (JsonNode lab : labs) {
            n++;
            String name = lab.path("name").asText();
            String note = lab.path("note").asText("").toLowerCase(Locale.ROOT);
            if (name.startsWith("TSAT/hepcidin")) {
                ratio = lab.get("value").asDouble();
                continue;
            }
            Analyte analyte = analyte(lab.path("loinc").asText(""), name);
            if (analyte == null) {
                continue; // liver iron, C-peptide, production index: no analyte in the engine
            }
            Long days = daysAgo(v, labs, lab, analyte, note);
            if (days == null) {
                continue; // a value from after the presentation being evaluated
            }
            long minutes = note.contains("absorption test: baseline") ? 180 : 0;
            String unit = lab.path("unit").asText("");
            String ref = "vignette/" + v.path("id").asText() + "/" + n;
            if (lab.hasNonNull("value")) {
                double value = convert(analyte, lab.get("value").asDouble(), unit);
                if (analyte == Analyte.TRANSFERRIN_SATURATION) {
                    tsat = value;
                }
                values.add(new LabValue(analyte, value, at(noon, days, minutes), ref, null, null, false));
            } else if (lab.has("value_range")) {
                JsonNode range = lab.get("value_range");
                values.add(new LabValue(
                        analyte,
                        convert(analyte, range.get(0).asDouble(), unit),
                        at(noon, days + 1, 0),
                        ref + "a",
                        null,
                        null,
                        false));
                values.add(new LabValue(
                        analyte,
                        convert(analyte, range.get(1).asDouble(), unit),
                        at(noon, days, 0),
                        ref + "b",
                        null,
                        null,
                        false));
            }
        }
        if (ratio != null && tsat != null) {
            // the reported TSAT/hepcidin ratio gives the hepcidin by algebra (marked derived)
            values.add(new LabValue(Analyte.HEPCIDIN, tsat / ratio, noon, null, null, null, true));
        }
        return LabPanel.of(values);
    }

    private static Instant at(Instant noon, long days, long minutes) {
        return noon.minusSeconds(days * 86_400L + minutes * 60L);
    }

    /** Timeline from the notes: before/baseline/presentation 65 days ago, after/during now, "at age N" by age. */
    private static Long daysAgo(JsonNode v, JsonNode labs, JsonNode lab, Analyte analyte, String note) {
        if (note.contains("at age")) {
            double at = Double.parseDouble(note.replaceAll(".*at age (\\d+(\\.\\d+)?).*", "$1"));
            if (!v.hasNonNull("age_years")) {
                return 0L;
            }
            double age = v.get("age_years").asDouble();
            if (at > age + 0.01) {
                return null;
            }
            return Math.round((age - at) * 365);
        }
        if (note.contains("absorption test")) {
            return 0L;
        }
        if (note.contains("before") || note.contains("baseline") || note.contains("at presentation")) {
            return 65L;
        }
        if (note.contains("after") || note.contains("during")) {
            return 0L;
        }
        for (JsonNode other : labs) {
            String otherNote = other.path("note").asText("").toLowerCase(Locale.ROOT);
            if (other != lab
                    && analyte
                            == analyte(
                                    other.path("loinc").asText(""),
                                    other.path("name").asText())
                    && (otherNote.contains("after") || otherNote.contains("during"))) {
                return 65L;
            }
        }
        return 0L;
    }

    private static Analyte analyte(String loinc, String name) {
        return switch (loinc) {
            case "718-7" -> Analyte.HEMOGLOBIN;
            case "787-2" -> Analyte.MCV;
            case "785-6" -> Analyte.MCH;
            case "786-4" -> Analyte.MCHC;
            case "788-0" -> Analyte.RDW_CV;
            case "789-8" -> Analyte.RBC_COUNT;
            case "4544-3" -> Analyte.HEMATOCRIT;
            case "2276-4" -> Analyte.FERRITIN;
            case "2498-4", "14798-3" -> Analyte.IRON;
            case "2500-7", "14800-7" -> Analyte.TIBC;
            case "2502-3" -> Analyte.TRANSFERRIN_SATURATION;
            case "3034-6" -> Analyte.TRANSFERRIN;
            case "1988-5" -> Analyte.CRP;
            case "5671-3" -> Analyte.BLOOD_LEAD;
            case "4551-8" -> Analyte.HBA2;
            case "4576-5" -> Analyte.HBF;
            case "60474-4" -> Analyte.RETICULOCYTES_ABSOLUTE;
            case "6690-2" -> Analyte.WBC;
            case "777-3" -> Analyte.PLATELETS;
            case "5631-7" -> Analyte.COPPER;
            case "5763-8" -> Analyte.ZINC;
            case "2064-4" -> Analyte.CERULOPLASMIN;
            case "2532-0" -> Analyte.LDH;
            case "15061-5" -> Analyte.ERYTHROPOIETIN;
            case "1558-6" -> Analyte.GLUCOSE;
            case "4548-4" -> Analyte.HBA1C;
            default -> name.startsWith("Hemoglobin E")
                    ? Analyte.HBE
                    : name.startsWith("Copper") ? Analyte.COPPER : null;
        };
    }

    /**
     * Unit conversion to the canonical unit (molar masses: iron 55.85 g/mol, copper 63.55 g/mol; ferritin 1 ng/mL =
     * 2.247 pmol/L); the service's normaliser does this upstream.
     */
    private static double convert(Analyte analyte, double value, String unit) {
        return switch (unit) {
            case "g/L" -> analyte == Analyte.HEMOGLOBIN ? value / 10 : value * 100; // transferrin, ceruloplasmin
            case "umol/L" -> switch (analyte) {
                case IRON, TIBC -> value * 5.585;
                case COPPER -> value / 0.1574;
                default -> value;
            };
            case "pmol/L" -> value / 2.247; // ferritin (flagged upstream as approximate)
            default -> value;
        };
    }
}
