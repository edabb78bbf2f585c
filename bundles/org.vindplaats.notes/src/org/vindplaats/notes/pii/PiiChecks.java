package org.vindplaats.notes.pii;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;

/** Checksums that tell a real identifier from a random run of digits. */
public final class PiiChecks {

    /** IBAN lengths of the countries young people in Flanders and the Netherlands bank in most. */
    static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(Map.entry("BE", 16), Map.entry("NL", 18),
            Map.entry("DE", 22), Map.entry("FR", 27), Map.entry("LU", 20), Map.entry("GB", 22), Map.entry("ES", 24),
            Map.entry("IT", 27), Map.entry("PT", 25), Map.entry("AT", 20), Map.entry("CH", 21), Map.entry("IE", 22),
            Map.entry("PL", 28), Map.entry("DK", 18), Map.entry("SE", 24), Map.entry("FI", 18), Map.entry("NO", 15),
            Map.entry("TR", 26), Map.entry("RO", 24), Map.entry("BG", 22), Map.entry("GR", 27), Map.entry("CZ", 24),
            Map.entry("SK", 24), Map.entry("HU", 28), Map.entry("LT", 20), Map.entry("LV", 21), Map.entry("EE", 20),
            Map.entry("HR", 21), Map.entry("SI", 19), Map.entry("MT", 31), Map.entry("CY", 28));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private PiiChecks() {
    }

    /** True for an IBAN (spaces allowed) with a known country, the right length and mod-97 check = 1. */
    public static boolean isValidIban(String iban) {
        String s = iban.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (s.length() < 15 || !s.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")) {
            return false;
        }
        Integer expected = IBAN_LENGTHS.get(s.substring(0, 2));
        if (expected == null || expected != s.length()) {
            return false;
        }
        String rearranged = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /**
     * True for a Belgian national register number (11 digits, separators allowed): a plausible
     * birth date part (month 0-12, or +20/+40 for bis numbers; day 0-31) and check digits
     * 97 - (first nine digits mod 97), with 2 prefixed for people born from 2000 on.
     */
    public static boolean isValidBelgianNationalNumber(String number) {
        String d = number.replaceAll("\\D", "");
        if (d.length() != 11) {
            return false;
        }
        int month = Integer.parseInt(d.substring(2, 4));
        int day = Integer.parseInt(d.substring(4, 6));
        boolean monthOk = month <= 12 || (month >= 20 && month <= 32) || (month >= 40 && month <= 52);
        if (!monthOk || day > 31) {
            return false;
        }
        long first9 = Long.parseLong(d.substring(0, 9));
        int check = Integer.parseInt(d.substring(9));
        return check == 97 - (int) (first9 % 97) || check == 97 - (int) ((2_000_000_000L + first9) % 97);
    }

    /**
     * True for a Dutch BSN: 9 digits (8 are padded with a leading 0), not all zero, passing the
     * 11-test 9*d1 + 8*d2 + ... + 2*d8 - d9 ≡ 0 (mod 11).
     */
    public static boolean isValidBsn(String number) {
        String d = number.replaceAll("\\D", "");
        if (d.length() == 8) {
            d = "0" + d;
        }
        if (d.length() != 9 || d.chars().allMatch(c -> c == '0')) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (d.charAt(i) - '0');
        }
        sum -= d.charAt(8) - '0';
        return sum % 11 == 0;
    }
}
