package com.ibm.icu.text;

import java.util.Locale;
import java.util.Set;

/**
 * Stand-in for ICU4J's {@code PluralRules}, the one ICU class the FHIR core library uses (its message base class
 * {@code org.hl7.fhir.utilities.i18n.I18nBase} picks the plural form of a validation message with it). ICU4J is 15 MB
 * of locale data the server needs nothing else from, so the build leaves it out (enforcer rule "lean-runtime") and
 * this class answers the three calls that base class makes, with the CLDR rule of English: "one" for exactly 1,
 * "other" otherwise (Unicode CLDR, Language Plural Rules,
 * https://www.unicode.org/cldr/charts/latest/supplemental/language_plural_rules.html). The server answers in English;
 * a message in a language with other plural categories would take its "one" or "other" form.
 */
public final class PluralRules {

    /** The keyword for exactly one. */
    public static final String KEYWORD_ONE = "one";

    /** The keyword for every other number. */
    public static final String KEYWORD_OTHER = "other";

    private static final PluralRules ONE_OTHER = new PluralRules();
    private static final Set<String> KEYWORDS = Set.of(KEYWORD_ONE, KEYWORD_OTHER);

    private PluralRules() {}

    /** The rules for {@code locale}: the same one/other rule for every locale. */
    public static PluralRules forLocale(Locale locale) {
        return ONE_OTHER;
    }

    /** {@value #KEYWORD_ONE} for 1, {@value #KEYWORD_OTHER} for anything else (0, 2, 1.5). */
    public String select(double number) {
        return number == 1.0 ? KEYWORD_ONE : KEYWORD_OTHER;
    }

    /** Both keywords. */
    public Set<String> getKeywords() {
        return KEYWORDS;
    }
}
