package dev.microcytic.server.fhir;

import java.util.Set;

/**
 * The LOINC codes of the quantitative blood tests the microcytic differential reads (clinical brief §4.1 with brief
 * review C18): blood count, red-cell indices, reticulocytes, iron studies, inflammation markers, hemoglobin fractions
 * and the rarer-cause work-up. Every one is a [Mass/volume], [Moles/volume], [#/volume], fraction or ratio result
 * (LOINC scale "Qn"), so a lab system sending one as text or a boolean has mis-mapped its interface.
 *
 * <p>Kept in the server because it guards what the store accepts; it lists the same codes as the terminology
 * module's lab concepts.
 */
public final class CoreLabCodes implements QuantitativeLabCodes {

    static final String LOINC = "http://loinc.org";

    private static final Set<String> QUANTITATIVE_LOINC = Set.of(
            // blood count and red-cell indices
            "718-7",
            "59260-0",
            "4544-3",
            "20570-8",
            "789-8",
            "787-2",
            "785-6",
            "786-4",
            "788-0",
            "21000-5",
            // reticulocytes
            "17849-1",
            "4679-7",
            "60474-4",
            "14196-0",
            "71694-4",
            // iron studies
            "2276-4",
            "24373-3",
            "2498-4",
            "14798-3",
            "2500-7",
            "14800-7",
            "2501-5",
            "3034-6",
            "2502-3",
            "30248-9",
            // inflammation
            "1988-5",
            "30522-7",
            "4537-7",
            "30341-2",
            // heme synthesis, lead
            "71797-5",
            "5671-3",
            "77307-7",
            "10368-9",
            // hemoglobin fractions
            "4551-8",
            "4552-6",
            "34660-1",
            "4546-8",
            "4576-5",
            "32682-7",
            "4588-0",
            // rarer causes and context
            "2064-4",
            "5631-7",
            "5763-8",
            "74442-5",
            "2641-9",
            "1742-6",
            "4542-7",
            "2532-0",
            "1975-2",
            "15061-5",
            "6690-2",
            "777-3",
            "4548-4",
            "1558-6");

    @Override
    public boolean isQuantitative(String system, String code) {
        return LOINC.equals(system) && QUANTITATIVE_LOINC.contains(code);
    }
}
