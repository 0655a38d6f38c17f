package dev.microcytic.terminology;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How numbers and units are written, in one place. Evidence statements keep up to two decimals below 10 and one above
 * ({@link #evidence}); cards show three significant digits and whole numbers from 100 ({@link #display}) with the
 * unit as printed on lab reports ({@link #unit}). Built without {@code String.format}: the engine formats on its hot
 * path.
 */
public final class ValueFormat {

    private ValueFormat() {}

    /** A number in an evidence statement: "6", "4.17", "17.5", "?" for NaN. */
    public static String evidence(double value) {
        if (Double.isNaN(value)) {
            return "?";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1.0e9) {
            return Long.toString((long) value);
        }
        double abs = Math.abs(value);
        double rounded = abs < 10 ? Math.round(value * 100) / 100.0 : Math.round(value * 10) / 10.0;
        if (rounded == Math.rint(rounded)) {
            return Long.toString((long) rounded);
        }
        return Double.toString(rounded);
    }

    /** A number on a card: three significant digits, whole from 100, "?" when not finite. */
    public static String display(double value) {
        if (!Double.isFinite(value)) {
            return "?";
        }
        BigDecimal decimal = Math.abs(value) >= 100
                ? BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP)
                : new BigDecimal(value).round(new MathContext(3, RoundingMode.HALF_UP));
        return decimal.stripTrailingZeros().toPlainString();
    }

    /** A value with its unit on a card: "6 ng/mL", "6%", "5.6 10^6/µL". */
    public static String quantity(double value, String ucum) {
        String unit = unit(ucum);
        if (unit.isEmpty()) {
            return display(value);
        }
        return unit.equals("%") ? display(value) + "%" : display(value) + " " + unit;
    }

    /** A UCUM code in the form printed on lab reports. */
    public static String unit(String ucum) {
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
}
