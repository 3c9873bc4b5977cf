package nl.preventiefonds.identity;

/**
 * Burgerservicenummer: nine digits passing the eleven test (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11). A
 * check only; the number itself never leaves BrokerLoginService other than encrypted (SecretBox).
 */
final class Bsn {
    private Bsn() {
    }

    static boolean isValid(String bsn) {
        if (bsn == null || !bsn.matches("\\d{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0 && !bsn.equals("000000000");
    }
}
