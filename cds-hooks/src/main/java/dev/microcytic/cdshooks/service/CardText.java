package dev.microcytic.cdshooks.service;

/** Text safe for a card's markdown: escaped table cells, truncated summaries. */
final class CardText {

    private CardText() {}

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
