package dev.microcytic.cdshooks.service;

import dev.microcytic.terminology.Analyte;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/** How values, units and analytes read on a card: short, the way a clinician writes them in a note. */
final class CardText {

    private CardText() {}

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        BigDecimal decimal = Math.abs(value) >= 100
                ? BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP)
                : new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        return decimal.stripTrailingZeros().toPlainString();
    }

    /** A value with its unit: "6 ng/mL", "6%", "5.6 10^6/µL". */
    static String quantity(double value, String ucum) {
        String unit = unit(ucum);
        if (unit.isEmpty()) {
            return number(value);
        }
        return unit.equals("%") ? number(value) + "%" : number(value) + " " + unit;
    }

    /** UCUM code to the form printed on lab reports. */
    static String unit(String ucum) {
        if (ucum == null) {
            return "";
        }
        return switch (ucum) {
            case "10*6/uL" -> "10^6/µL";
            case "10*3/uL" -> "10^3/µL";
            case "10*12/L" -> "10^12/L";
            case "10*9/L" -> "10^9/L";
            case "ug/(24.h)" -> "µg/24 h";
            case "m[IU]/mL" -> "mIU/mL";
            case "1" -> "";
            default -> ucum.replace("ug", "µg").replace("umol", "µmol").replace("uL", "µL");
        };
    }

    /** The short name of an analyte as used in a summary ("ferritin", "TSAT", "Hb"). */
    static String analyte(Analyte analyte) {
        return switch (analyte) {
            case HEMOGLOBIN -> "Hb";
            case HEMATOCRIT -> "Hct";
            case RBC_COUNT -> "RBC";
            case MCV -> "MCV";
            case MCH -> "MCH";
            case MCHC -> "MCHC";
            case RDW_CV -> "RDW-CV";
            case RDW_SD -> "RDW-SD";
            case RETICULOCYTES_PERCENT -> "reticulocytes";
            case RETICULOCYTES_ABSOLUTE -> "reticulocytes";
            case RETICULOCYTE_HEMOGLOBIN -> "CHr";
            case TRANSFERRIN_SATURATION -> "TSAT";
            case SOLUBLE_TRANSFERRIN_RECEPTOR -> "sTfR";
            case CRP -> "CRP";
            case ESR -> "ESR";
            case ZINC_PROTOPORPHYRIN -> "ZPP";
            case ERYTHROCYTE_PROTOPORPHYRIN -> "protoporphyrin";
            case HBA2 -> "HbA2";
            case HBA -> "HbA";
            case HBF -> "HbF";
            case HBH -> "HbH";
            case HBE -> "HbE";
            case TIBC -> "TIBC";
            case UIBC -> "UIBC";
            case ALT -> "ALT";
            case LDH -> "LDH";
            case WBC -> "WBC";
            case HBA1C -> "HbA1c";
            case VITAMIN_B6 -> "vitamin B6";
            default -> analyte.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    /** Escapes what would break a GitHub-flavoured markdown table cell. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("\r", " ");
    }

    static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1).stripTrailing() + "…";
    }
}
