package dev.microcytic.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.Pair;
import org.fhir.ucum.UcumEssenceService;
import org.junit.jupiter.api.Test;

/**
 * The fast path must index exactly the number and code the UCUM library computes. Calls from this test are not from
 * HAPI's extractor, so {@code getCanonicalForm} answers as the library; the fast path is tested through
 * {@code indexForm}.
 */
class IndexingUcumServiceTest {

    private static final List<String> UNITS = List.of(
            "%",
            "g/dL",
            "g/L",
            "mg/dL",
            "ug/dL",
            "ug/L",
            "ng/mL",
            "mg/L",
            "pg",
            "fL",
            "10*6/uL",
            "10*3/uL",
            "10*9/L",
            "10*12/L",
            "/uL",
            "umol/L",
            "mmol/L",
            "nmol/L",
            "pmol/L",
            "mol/L",
            "U/L",
            "[IU]/L",
            "mo",
            "[lb_av]",
            "mm[Hg]",
            "mL/min/{1.73_m2}",
            "L/L",
            "1");

    private final UcumEssenceService library = newLibrary();

    @Test
    void indexedNumberAndCodeEqualTheLibrarysForLabUnitsAndManyValues() throws Exception {
        IndexingUcumService service =
                new IndexingUcumService(IndexingUcumService.class.getResourceAsStream("/ucum-essence.xml"));
        Random random = new Random(7);
        for (String unit : UNITS) {
            for (int i = 0; i < 50; i++) {
                BigDecimal value = BigDecimal.valueOf(random.nextInt(1_000_000), random.nextInt(6));
                Pair expected = library.getCanonicalForm(pair(value, unit));
                Pair actual = service.indexForm(pair(value, unit)).orElseThrow();
                assertThat(actual.getCode()).as(unit).isEqualTo(expected.getCode());
                assertThat(Double.parseDouble(actual.getValue().asDecimal()))
                        .as(value + " " + unit)
                        .isEqualTo(Double.parseDouble(expected.getValue().asDecimal()));
            }
        }
    }

    @Test
    void specialAndUnknownUnitsAreLeftToTheLibrary() throws Exception {
        IndexingUcumService service =
                new IndexingUcumService(IndexingUcumService.class.getResourceAsStream("/ucum-essence.xml"));
        assertThat(service.indexForm(pair(BigDecimal.ONE, "Cel"))).isEmpty();
        assertThat(service.indexForm(pair(BigDecimal.ONE, "no-such-unit"))).isEmpty();
    }

    @Test
    void callsFromOutsideTheExtractorGetTheLibrarysAnswerWithItsPrecision() throws Exception {
        IndexingUcumService service =
                new IndexingUcumService(IndexingUcumService.class.getResourceAsStream("/ucum-essence.xml"));
        BigDecimal value = new BigDecimal("4.440");
        assertThat(service.getCanonicalForm(pair(value, "%")).getValue().asDecimal())
                .isEqualTo(library.getCanonicalForm(pair(value, "%")).getValue().asDecimal());
        assertThat(service.fastConversions()).isZero();
    }

    private static Pair pair(BigDecimal value, String unit) throws Exception {
        // As HAPI's UcumServiceUtil builds it.
        return new Pair(new Decimal(value.toPlainString(), value.precision()), unit);
    }

    private static UcumEssenceService newLibrary() {
        try {
            return new UcumEssenceService(UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
