package dev.microcytic.terminology;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Unit spellings laboratories send that are not valid UCUM, or that are valid UCUM with another meaning, mapped to the
 * UCUM code they mean. Checked before UCUM validation because some lab spellings parse as a different UCUM unit:
 * "K/uL" is kelvin per microlitre and "nM" is nanometre to UCUM, but thousands per microlitre and nanomoles per litre
 * on a lab report. No library carries such a list, so it is kept here, explicit and small; anything else must be UCUM.
 */
public final class UnitSpellings {

    private static final UnitSpellings STANDARD = new UnitSpellings();

    /** Exact, case-sensitive spellings (case carries meaning: G/L = giga per litre, g/L = grams per litre). */
    private final Map<String, String> exact = new HashMap<>();
    /** Case-insensitive spellings (keys lower case, micro signs already replaced by "u", no blanks). */
    private final Map<String, String> folded = new HashMap<>();

    private UnitSpellings() {
        exact("G/L", "10*9/L");
        exact("T/L", "10*12/L");
        exact("nM", "nmol/L");
        exact("uM", "umol/L");
        exact("mM", "mmol/L");

        folded("g/L", "g/l");
        folded("g/dL", "g/dl", "gm/dl", "gm%", "g%", "g/100ml");
        folded("mg/dL", "mg/dl", "mg%", "mg/100ml");
        folded("mg/L", "mg/l");
        folded("ug/dL", "ug/dl", "mcg/dl", "ug%", "ug/100ml");
        folded("ug/L", "ug/l", "mcg/l");
        folded("ug/mL", "ug/ml", "mcg/ml");
        folded("ng/mL", "ng/ml");
        folded("ng/dL", "ng/dl");
        folded("ng/L", "ng/l");
        folded("pg/mL", "pg/ml");
        folded("mmol/L", "mmol/l", "mmol/litre", "mmol/liter");
        folded("umol/L", "umol/l", "mcmol/l", "umol/litre", "umol/liter");
        folded("nmol/L", "nmol/l", "nmol/litre", "nmol/liter");
        folded("pmol/L", "pmol/l");
        folded("mmol/mol", "mmol/mol");
        folded("umol/mol", "umol/mol", "umol/molheme", "umol/molhb", "umol/molhaem", "umol/molheme(zpp)");
        folded("10*12/L", "10^12/l", "x10^12/l", "10e12/l", "x10e12/l", "10*12/l", "x10*12/l", "e12/l");
        folded(
                "10*6/uL",
                "10^6/ul",
                "x10^6/ul",
                "10e6/ul",
                "x10e6/ul",
                "10*6/ul",
                "x10*6/ul",
                "m/ul",
                "mil/ul",
                "million/ul",
                "10^6/mm3",
                "x10^6/mm3",
                "10*6/mm3");
        folded("10*9/L", "10^9/l", "x10^9/l", "10e9/l", "x10e9/l", "10*9/l", "x10*9/l", "e9/l");
        folded(
                "10*3/uL",
                "10^3/ul",
                "x10^3/ul",
                "10e3/ul",
                "x10e3/ul",
                "10*3/ul",
                "x10*3/ul",
                "k/ul",
                "thou/ul",
                "thous/ul",
                "10^3/mm3",
                "x10^3/mm3",
                "/nl");
        folded("/uL", "/ul", "cells/ul", "/mm3", "cells/mm3", "#/ul");
        folded("fL", "fl", "um3", "cu.mic", "cumic");
        folded("pg", "pg", "pg/cell", "pg/rbc");
        folded("%", "%", "percent", "pct");
        folded("L/L", "l/l");
        folded("mm/h", "mm/h", "mm/hr", "mm/hour", "mm/1h", "mm/1hr", "mm/60min");
        folded("U/L", "u/l", "units/l", "unit/l");
        folded("[IU]/L", "iu/l", "[iu]/l");
        folded("m[IU]/mL", "miu/ml", "mu/ml", "m[iu]/ml");
        folded("[IU]/mL", "iu/ml", "[iu]/ml");
        folded("ukat/L", "ukat/l");
        folded("ug/(24.h)", "ug/24h", "ug/24hr", "ug/24hrs", "mcg/24h", "mcg/24hr", "ug/(24.h)", "ug/d", "ug/day");
        folded("nmol/(24.h)", "nmol/24h", "nmol/24hr", "nmol/(24.h)", "nmol/d", "nmol/day");
    }

    public static UnitSpellings standard() {
        return STANDARD;
    }

    /**
     * The UCUM code a known lab spelling means, or empty when the spelling is not in the list (the caller then checks
     * whether it is valid UCUM as sent).
     */
    public Optional<String> ucumFor(String spelling) {
        if (spelling == null) {
            return Optional.empty();
        }
        String compact = compact(spelling);
        String hit = exact.get(compact);
        if (hit == null) {
            hit = folded.get(compact.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(hit);
    }

    /** Trims, drops blanks and replaces the micro sign and Greek mu by "u" (UCUM's ASCII micro prefix). */
    static String compact(String spelling) {
        return spelling.strip().replace('\u00b5', 'u').replace('\u03bc', 'u').replace(" ", "");
    }

    private void exact(String spelling, String ucum) {
        exact.put(spelling, ucum);
    }

    private void folded(String ucum, String... spellings) {
        for (String spelling : spellings) {
            String key = spelling.toLowerCase(Locale.ROOT);
            String previous = folded.put(key, ucum);
            if (previous != null && !previous.equals(ucum)) {
                throw new IllegalStateException("Unit spelling " + spelling + " maps to " + previous + " and " + ucum);
            }
        }
    }
}
