package dev.microcytic.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcytic.terminology.NormalizedQuantity.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Unit spellings labs send, mapped to UCUM; anything else must be valid UCUM or is rejected. */
class UnitSpellingsTest {

    private final QuantityNormalizer normalizer = QuantityNormalizer.standard();

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource({
        "g/dl, g/dL",
        "G/DL, g/dL",
        "gm/dl, g/dL",
        "g/L, g/L",
        "10^12/L, 10*12/L",
        "x10^12/L, 10*12/L",
        "x10E12/L, 10*12/L",
        "T/L, 10*12/L",
        "x10E6/uL, 10*6/uL",
        "10^6/µL, 10*6/uL",
        "M/uL, 10*6/uL",
        "10^9/L, 10*9/L",
        "G/L, 10*9/L",
        "K/uL, 10*3/uL",
        "K/µL, 10*3/uL",
        "x10^3/uL, 10*3/uL",
        "/nL, 10*3/uL",
        "cells/uL, /uL",
        "%, %",
        "fl, fL",
        "FL, fL",
        "µm3, fL",
        "pg, pg",
        "mcg/dL, ug/dL",
        "µg/dL, ug/dL",
        "μg/dL, ug/dL",
        "ug/dl, ug/dL",
        "ng/ml, ng/mL",
        "NG/ML, ng/mL",
        "umol/l, umol/L",
        "µmol/L, umol/L",
        "mmol/l, mmol/L",
        "nM, nmol/L",
        "mm/hr, mm/h",
        "mIU/mL, m[IU]/mL",
        "IU/L, [IU]/L",
        "U/L, U/L",
        "µkat/L, ukat/L",
        "umol/mol heme, umol/mol",
        "mcg/24h, ug/(24.h)",
        "mg/l, mg/L",
        "mg/dl, mg/dL",
        // Valid UCUM as sent needs no spelling entry.
        "10*3/uL, 10*3/uL",
        "ug/L, ug/L",
        "mmol/mol, mmol/mol"
    })
    void knownSpellingsBecomeUcum(String spelling, String ucum) {
        assertThat(normalizer.ucumCode(spelling)).contains(ucum);
    }

    @ParameterizedTest(name = "''{0}'' is rejected")
    @CsvSource({"grams", "cells", "ratio", "mcg", "x10E6", "mg per dl", "'  '", "lbs/uL"})
    void unknownSpellingsAreRejected(String spelling) {
        assertThat(normalizer.ucumCode(spelling)).isEmpty();
        assertThat(normalizer.normalize(Analyte.HEMOGLOBIN, 10, spelling).status())
                .isEqualTo(Status.UNKNOWN_UNIT);
    }

    @Test
    void nullUnitIsUnknown() {
        assertThat(normalizer.ucumCode(null)).isEmpty();
        NormalizedQuantity q = normalizer.normalize(Analyte.FERRITIN, 20, null);
        assertThat(q.status()).isEqualTo(Status.UNKNOWN_UNIT);
        assertThat(q.reason()).isEqualTo("no unit given (expected ng/mL)");
        assertThat(q.value()).isEqualTo(20);
    }

    @ParameterizedTest
    @EnumSource(Analyte.class)
    void everyAnalyteAcceptsItsCanonicalUnit(Analyte analyte) {
        double plausible =
                switch (analyte) {
                    case HBA1C -> 5.5;
                    case HEMOGLOBIN -> 12;
                    case RBC_COUNT -> 4.5;
                    case MCV -> 80;
                    default -> 20;
                };
        NormalizedQuantity q = normalizer.normalize(analyte, plausible, analyte.canonicalUnit());

        assertThat(q.status()).as(q.reason()).isEqualTo(Status.OK);
        assertThat(q.value()).isEqualTo(plausible);
        assertThat(q.reason()).isNull();
    }

    @Test
    void nonFiniteValuesAreImplausible() {
        assertThat(normalizer.normalize(Analyte.MCV, Double.NaN, "fL").status()).isEqualTo(Status.IMPLAUSIBLE);
        assertThat(normalizer
                        .normalize(Analyte.MCV, Double.POSITIVE_INFINITY, "fL")
                        .reason())
                .isEqualTo("value is not a finite number");
    }
}
