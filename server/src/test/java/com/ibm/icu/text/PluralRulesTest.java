package com.ibm.icu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.Locale;
import org.hl7.fhir.utilities.i18n.I18nBase;
import org.junit.jupiter.api.Test;

class PluralRulesTest {

    @Test
    void oneForExactlyOneOtherwiseOther() {
        PluralRules rules = PluralRules.forLocale(Locale.ENGLISH);
        assertThat(rules.select(1)).isEqualTo("one");
        assertThat(rules.select(0)).isEqualTo("other");
        assertThat(rules.select(2)).isEqualTo("other");
        assertThat(rules.select(1.5)).isEqualTo("other");
        assertThat(rules.getKeywords()).containsExactlyInAnyOrder("one", "other");
    }

    @Test
    void icuIsNotOnTheClassPath() {
        // The stand-in is the only class of the package: the real ICU4J jar would shadow or clash with it.
        assertThat(PluralRules.class.getResource("/com/ibm/icu/text/DateFormat.class"))
                .isNull();
    }

    @Test
    void fhirCoreMessagesPickTheirPluralFormWithIt() {
        I18nBase messages = new I18nBase() {};
        messages.setLocale(Locale.ENGLISH);

        // The count is the message's first argument ({0}), the others follow.
        assertThat(messages.formatMessagePlural(3, "MULTIPLE_LOGICAL_MODELS", "a, b, c"))
                .isEqualTo("3 Logical Models found in supplied profiles, so unable to parse logical model"
                        + " (can only be one, found a, b, c)");
        assertThatCode(() -> messages.formatMessagePlural(1, "MULTIPLE_LOGICAL_MODELS", "a"))
                .doesNotThrowAnyException();
    }
}
