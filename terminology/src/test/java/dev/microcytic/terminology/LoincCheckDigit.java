package dev.microcytic.terminology;

/** LOINC mod-10 check digit (Luhn over the code number, as defined in the LOINC User Guide), used to validate codes. */
final class LoincCheckDigit {

    private LoincCheckDigit() {}

    static boolean valid(String code) {
        int dash = code.indexOf('-');
        if (dash < 1 || dash != code.length() - 2) {
            return false;
        }
        String number = code.substring(0, dash);
        int check = code.charAt(code.length() - 1) - '0';
        int sum = 0;
        boolean doubleIt = true;
        for (int i = number.length() - 1; i >= 0; i--) {
            int digit = number.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return false;
            }
            if (doubleIt) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10 == check;
    }
}
