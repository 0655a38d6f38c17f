package dev.microcytic.cdshooks.differential.rules;

/** Number formatting for evidence statements without {@code String.format} (hot path: no format parsing per call). */
final class Text {

    private Text() {}

    static String num(double value) {
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
}
