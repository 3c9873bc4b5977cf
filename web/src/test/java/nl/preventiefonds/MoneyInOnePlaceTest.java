package nl.preventiefonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Amounts are brought to cents in one place, {@code platform/Money}, where the rounding rules are named. A
 * {@code setScale(2} anywhere else in the sources of both modules fails the build: use {@code Money.exact},
 * {@code Money.halfUp} or {@code Money.down}, or, for a number that is no amount (scores, hours, indicator
 * values), a named constant for its decimals.
 */
class MoneyInOnePlaceTest {
    private static final Pattern CENTS_BY_HAND = Pattern.compile("\\.setScale\\(\\s*2\\s*[,)]");
    private static final Path MONEY = Path.of("nl", "preventiefonds", "platform", "Money.java");

    @Test
    void onlyMoneyScalesToCents() throws IOException {
        List<String> found = new ArrayList<>();
        MainSources.forEach((root, file) -> {
            if (!root.relativize(file).equals(MONEY)) {
                found.addAll(centsByHand(root.relativize(file).toString(),
                        Files.readAllLines(file, StandardCharsets.UTF_8)));
            }
        });
        assertTrue(Files.exists(MainSources.ROOTS.get(0).resolve(MONEY)), "Money moved: update this test");
        assertEquals(List.of(), found, "amounts to cents outside platform/Money");
    }

    @Test
    void aScaleToCentsByHandIsSeen() {
        assertEquals(List.of("Sample.java:1", "Sample.java:2", "Sample.java:3"), centsByHand("Sample.java", List.of(
                "BigDecimal a = b.setScale(2);",
                "BigDecimal a = b.setScale(2, RoundingMode.HALF_UP);",
                "BigDecimal a = b.setScale( 2 );",
                "BigDecimal a = b.setScale(SCORE_DECIMALS, RoundingMode.HALF_UP);",
                "BigDecimal a = b.setScale(20);")));
    }

    private static List<String> centsByHand(String file, List<String> lines) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (CENTS_BY_HAND.matcher(lines.get(i)).find()) {
                found.add(file + ":" + (i + 1));
            }
        }
        return found;
    }
}
