package dev.microcytic.terminology;

import java.util.Optional;

/**
 * Pregnancy and trimester from ICD-10-CM FY2026 codes (Z33.1, Z33.3, Z34, Z3A, O09 and chapter 15 O codes). ICD-10-CM
 * trimesters count from the first day of the last menstrual period: first &lt; 14 weeks 0 days, second 14w0d to
 * &lt; 28w0d, third from 28w0d.
 */
final class PregnancyCodes {

    private PregnancyCodes() {}

    /** @param icd a dotless upper-case ICD-10-CM code */
    static Optional<Pregnancy> pregnancy(String icd) {
        if (icd.equals("Z331") || icd.equals("Z333")) {
            // Pregnant state, incidental; pregnant state, gestational carrier: no trimester.
            return Optional.of(Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
        }
        if (icd.startsWith("Z34")) {
            // Z34.x0 unspecified trimester, Z34.x1/2/3 first/second/third.
            return Optional.of(icd.length() == 5 ? trimester(icd.charAt(4)) : Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
        }
        if (icd.startsWith("Z3A")) {
            return Optional.of(weeks(icd));
        }
        if (icd.startsWith("O09")) {
            return Optional.of(supervisionOfHighRisk(icd));
        }
        if (icd.startsWith("O")) {
            return otherObstetric(icd);
        }
        return Optional.empty();
    }

    /** Z3A.xx weeks of gestation: Z3A.00 not specified, Z3A.01 under 8 weeks, Z3A.08-Z3A.42 weeks, Z3A.49 over 42. */
    private static Pregnancy weeks(String icd) {
        if (icd.length() != 5) {
            return Pregnancy.PREGNANT_TRIMESTER_UNKNOWN;
        }
        int weeks;
        try {
            weeks = Integer.parseInt(icd.substring(3));
        } catch (NumberFormatException e) {
            return Pregnancy.PREGNANT_TRIMESTER_UNKNOWN;
        }
        if (weeks == 0) {
            return Pregnancy.PREGNANT_TRIMESTER_UNKNOWN;
        }
        if (weeks < 14) {
            return Pregnancy.FIRST_TRIMESTER;
        }
        return weeks < 28 ? Pregnancy.SECOND_TRIMESTER : Pregnancy.THIRD_TRIMESTER;
    }

    /**
     * O09 supervision of high-risk pregnancy: the last character is the trimester (0 or 9 unspecified). O09.2, O09.5,
     * O09.6 and O09.8 need six characters, so a five-character code there is a category, not a trimester.
     */
    private static Pregnancy supervisionOfHighRisk(String icd) {
        if (icd.length() == 6) {
            return trimester(icd.charAt(5));
        }
        if (icd.length() == 5 && "2568".indexOf(icd.charAt(3)) < 0) {
            return trimester(icd.charAt(4));
        }
        return Pregnancy.PREGNANT_TRIMESTER_UNKNOWN;
    }

    /**
     * Other O codes count only when their 6th character is a trimester (1, 2, 3). Abortive outcomes (O00-O08) never
     * count: there the 6th character can be laterality (O00.101). O34.21x (scar from previous caesarean) uses the 6th
     * character for the scar type, so it gives a pregnancy without a trimester. Puerperal and childbirth codes never
     * carry 1-3 in the 6th character, so they give nothing.
     */
    private static Optional<Pregnancy> otherObstetric(String icd) {
        if (icd.length() < 3) {
            return Optional.empty();
        }
        String block = icd.substring(1, 3);
        if (Character.isDigit(block.charAt(0)) && Character.isDigit(block.charAt(1))) {
            int number = Integer.parseInt(block);
            if (number <= 8) {
                return Optional.empty();
            }
        }
        if (icd.startsWith("O3421")) {
            return Optional.of(Pregnancy.PREGNANT_TRIMESTER_UNKNOWN);
        }
        if (icd.length() >= 6) {
            char sixth = icd.charAt(5);
            if (sixth >= '1' && sixth <= '3') {
                return Optional.of(trimester(sixth));
            }
        }
        return Optional.empty();
    }

    private static Pregnancy trimester(char c) {
        return switch (c) {
            case '1' -> Pregnancy.FIRST_TRIMESTER;
            case '2' -> Pregnancy.SECOND_TRIMESTER;
            case '3' -> Pregnancy.THIRD_TRIMESTER;
            default -> Pregnancy.PREGNANT_TRIMESTER_UNKNOWN;
        };
    }
}
