package nl.preventiefonds.platform;

import java.math.BigDecimal;

/**
 * Amounts in Dutch words, as after "zegge:" on a formal letter, following the Taalunie spelling rules:
 * <ul>
 * <li>everything up to and including "duizend" is written as one word ("tweehonderdvijfendertig",
 * "twaalfduizend", "honderdduizend"), with a space after "duizend" ("twaalfduizend vijfhonderd");</li>
 * <li>"miljoen" is a separate word ("een miljoen tweehonderdduizend");</li>
 * <li>"en" becomes "ën" after a unit ending in e ("tweeëntwintig", "drieëntwintig");</li>
 * <li>"honderd" and "duizend", not "eenhonderd" or "eenduizend"; "een" without accents;</li>
 * <li>1100 to 1999 with hundreds are counted in hundreds ("elfhonderd", "twaalfhonderdvijftig"), since
 * "duizend honderd" reads as two numbers; "duizend een" and "duizend vijftig" otherwise.</li>
 * </ul>
 */
public final class DutchNumberWords {
    /** Largest whole number supported: 999,999,999. */
    public static final long MAX = 999_999_999L;

    private static final String[] UNITS = {"nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht",
            "negen", "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien",
            "negentien"};
    private static final String[] TENS = {"", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig",
            "tachtig", "negentig"};
    private static final BigDecimal LIMIT = BigDecimal.valueOf(MAX + 1);

    private DutchNumberWords() {
    }

    /**
     * "twaalfduizend vijfhonderd euro en vijftig cent" for 12500.50; "nul euro en een cent" for 0.01.
     *
     * @throws IllegalArgumentException for null, a negative amount, a billion or more, or non-zero digits
     *                                  beyond the cents (trailing zeros such as 12.500 are fine)
     */
    public static String euros(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is required");
        }
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative amount: " + amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("more than two decimals: " + amount.toPlainString());
        }
        if (amount.compareTo(LIMIT) >= 0) {
            throw new IllegalArgumentException("amount too large: " + amount.toPlainString());
        }
        BigDecimal cents = Money.exact(amount).amount();
        long whole = cents.longValue();
        int fraction = cents.remainder(BigDecimal.ONE).movePointRight(2).intValueExact();
        String words = integer(whole) + " euro";
        return fraction == 0 ? words : words + " en " + integer(fraction) + " cent";
    }

    /**
     * A whole number from 0 to 999,999,999 in words: "nul", "eenentwintig", "duizend een",
     * "een miljoen tweehonderdduizend".
     *
     * @throws IllegalArgumentException outside that range
     */
    public static String integer(long n) {
        if (n < 0 || n > MAX) {
            throw new IllegalArgumentException("out of range 0.." + MAX + ": " + n);
        }
        if (n == 0) {
            return UNITS[0];
        }
        StringBuilder words = new StringBuilder();
        long millions = n / 1_000_000;
        long rest = n % 1_000_000;
        if (millions > 0) {
            words.append(belowThousand((int) millions)).append(" miljoen");
        }
        if (rest > 0) {
            if (!words.isEmpty()) {
                words.append(' ');
            }
            words.append(belowMillion((int) rest));
        }
        return words.toString();
    }

    private static String belowMillion(int n) {
        if (n >= 1100 && n < 2000 && n % 1000 >= 100) {
            // elfhonderd .. negentienhonderdnegenennegentig
            return belowHundred(n / 100) + "honderd" + (n % 100 == 0 ? "" : belowHundred(n % 100));
        }
        int thousands = n / 1000;
        int rest = n % 1000;
        if (thousands == 0) {
            return belowThousand(rest);
        }
        String words = (thousands == 1 ? "" : belowThousand(thousands)) + "duizend";
        return rest == 0 ? words : words + " " + belowThousand(rest);
    }

    private static String belowThousand(int n) {
        int hundreds = n / 100;
        int rest = n % 100;
        if (hundreds == 0) {
            return belowHundred(rest);
        }
        String words = (hundreds == 1 ? "" : UNITS[hundreds]) + "honderd";
        return rest == 0 ? words : words + belowHundred(rest);
    }

    private static String belowHundred(int n) {
        if (n < 20) {
            return UNITS[n];
        }
        int unit = n % 10;
        String tens = TENS[n / 10];
        if (unit == 0) {
            return tens;
        }
        String unitWord = UNITS[unit];
        return unitWord + (unitWord.endsWith("e") ? "ën" : "en") + tens;
    }
}
