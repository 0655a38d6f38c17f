package dev.microcytic.cdshooks.differential;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcytic.terminology.Analyte;
import dev.microcytic.terminology.ClinicalFlag;
import dev.microcytic.terminology.MedicationClass;
import dev.microcytic.terminology.Pregnancy;
import dev.microcytic.terminology.Sex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario fixture in Given/When/Then form: {@code given} is the patient (age, sex, pregnancy, flags, medications,
 * transfusion or {@code transfusionsDaysAgo}, a documented single dose with {@code takenMinutesAgo} and
 * {@code doseMg}, labs in canonical units with days before the evaluation date), {@code then} the expected differential.
 * Reused by the server's ITs through the test-jar.
 */
public record ClinicalCase(
        String id, String title, String source, LabPanel panel, PatientContext context, JsonNode then) {

    public static final LocalDate EVALUATION_DATE = LocalDate.of(2026, 3, 2);

    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public static ClinicalCase read(String resource) {
        try (InputStream in = ClinicalCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return parse(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClinicalCase parse(JsonNode root) {
        JsonNode given = root.path("given");
        LocalDate date = given.hasNonNull("evaluationDate")
                ? LocalDate.parse(given.get("evaluationDate").asText())
                : EVALUATION_DATE;
        LocalDate birth = null;
        if (given.hasNonNull("ageYears")) {
            long months = Math.round(given.get("ageYears").asDouble() * 12);
            birth = date.minusMonths(months)
                    .minusDays(given.path("ageExtraDays").asInt(0));
        } else if (given.hasNonNull("birthDate")) {
            birth = LocalDate.parse(given.get("birthDate").asText());
        }
        Sex sex = Sex.valueOf(given.path("sex").asText("UNKNOWN"));
        Pregnancy pregnancy = Pregnancy.valueOf(given.path("pregnancy").asText("UNKNOWN"));
        Set<ClinicalFlag> flags = EnumSet.noneOf(ClinicalFlag.class);
        for (JsonNode f : given.path("flags")) {
            flags.add(ClinicalFlag.valueOf(f.asText()));
        }
        List<MedicationExposure> meds = new ArrayList<>();
        Instant noon = date.atTime(12, 0).toInstant(ZoneOffset.UTC);
        for (JsonNode m : given.path("medications")) {
            if (m.hasNonNull("takenMinutesAgo")) {
                // one documented dose (an oral iron absorption test): its time and, when given, its amount
                meds.add(new MedicationExposure(
                        MedicationClass.valueOf(m.get("medication").asText()),
                        null,
                        null,
                        false,
                        noon.minusSeconds(m.get("takenMinutesAgo").asLong() * 60L),
                        m.hasNonNull("doseMg") ? m.get("doseMg").asDouble() : null));
                continue;
            }
            meds.add(new MedicationExposure(
                    MedicationClass.valueOf(m.get("medication").asText()),
                    m.hasNonNull("startDaysAgo")
                            ? date.minusDays(m.get("startDaysAgo").asLong())
                            : null,
                    m.hasNonNull("endDaysAgo")
                            ? date.minusDays(m.get("endDaysAgo").asLong())
                            : null,
                    m.path("active").asBoolean(!m.hasNonNull("endDaysAgo"))));
        }
        LocalDate transfusion = given.hasNonNull("transfusionDaysAgo")
                ? date.minusDays(given.get("transfusionDaysAgo").asLong())
                : null;
        List<LocalDate> transfusions = new ArrayList<>();
        for (JsonNode t : given.path("transfusionsDaysAgo")) {
            transfusions.add(date.minusDays(t.asLong()));
        }
        List<LabValue> labs = new ArrayList<>();
        int n = 0;
        for (JsonNode l : given.path("labs")) {
            Analyte analyte = Analyte.valueOf(l.get("analyte").asText());
            Instant effective = noon.minusSeconds(l.path("daysAgo").asLong(0) * 86_400L)
                    .minusSeconds(l.path("minutesAgo").asLong(0) * 60L);
            labs.add(new LabValue(
                    analyte,
                    l.get("value").asDouble(),
                    effective,
                    l.hasNonNull("id")
                            ? l.get("id").asText()
                            : "Observation/" + root.path("id").asText("x") + "-" + n,
                    l.hasNonNull("referenceLow") ? l.get("referenceLow").asDouble() : null,
                    l.hasNonNull("referenceHigh") ? l.get("referenceHigh").asDouble() : null,
                    l.path("derived").asBoolean(false)));
            n++;
        }
        PatientContext context =
                new PatientContext(date, birth, sex, pregnancy, flags, meds, transfusion, transfusions);
        return new ClinicalCase(
                root.path("id").asText(),
                root.path("title").asText(),
                root.path("source").asText(),
                LabPanel.of(labs),
                context,
                root.path("then"));
    }
}
