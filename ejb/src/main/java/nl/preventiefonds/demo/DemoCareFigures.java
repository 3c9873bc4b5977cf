package nl.preventiefonds.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.preventiefonds.fund.Neighbourhood;

/**
 * Plausible care-demand figures for the demo neighbourhoods, 2019 up to 2025, as the CSV a fund manager imports on
 * the care-data page (CBS's wide shape, its headings, decimal commas): Wmo clients per 1,000 residents, the share of
 * young people with youth care and the number of youth-care trajectories, with the small counts CBS suppresses
 * written as ".". Deterministic, so every demo start shows the same trends.
 */
final class DemoCareFigures {
    static final int FIRST_YEAR = 2019;
    static final int LAST_YEAR = 2025;
    /**
     * The demo world's completed grant ran in Assen-Oost and Peelo from 2023; their Wmo demand grows a little
     * slower from then on, so the impact dashboard has something to estimate. Demo data, not a finding.
     */
    static final int FUNDED_FROM = 2023;

    /** CBS withholds counts below this. */
    static final int SUPPRESS_BELOW = 10;

    private DemoCareFigures() {
    }

    /** The file, its neighbourhoods in the given order (the demo's code order). */
    static byte[] csv(List<Neighbourhood> neighbourhoods) {
        StringBuilder csv = new StringBuilder("Codering;Wijken en buurten;Perioden;"
                + "Wmo-cliënten relatief (per 1 000 inwoners);Percentage jongeren met jeugdzorg (%);"
                + "Jeugdzorgtrajecten (aantal)\n");
        for (int n = 0; n < neighbourhoods.size(); n++) {
            Neighbourhood neighbourhood = neighbourhoods.get(n);
            // Each neighbourhood its own level; the older, larger ones higher (Assen-Oost, Pittelo, Lariks).
            double wmoBase = 48 + (n * 37 % 29) + (n >= 1 && n <= 3 ? 14 : 0);
            double youthBase = 8.5 + (n * 13 % 7) * 0.9;
            int youngPeople = 180 + (n * 71 % 9) * 95;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int t = year - FIRST_YEAR;
                // Wmo demand rises with ageing; a dip in 2020 (covid), a little noise per neighbourhood.
                double wmo = wmoBase * (1 + 0.025 * t) + (year == 2020 ? -3.5 : 0) + ((n + year) % 3 - 1) * 0.8
                        - (isFundedFrom2023(n) && year >= FUNDED_FROM ? 2.5 * (year - FUNDED_FROM + 1) : 0);
                double youth = youthBase + 0.3 * t - (n == 2 && year >= 2023 ? 1.2 : 0) + ((n * year) % 5 - 2) * 0.2;
                // Centrum has few young people: CBS publishes no percentage before 2021.
                boolean hideShare = n == 0 && year < 2021;
                int trajectories = (int) Math.round(youngPeople * youth / 100 * 1.4) - (n == 0 ? 20 : 0);
                boolean hideCount = trajectories < SUPPRESS_BELOW;
                csv.append(neighbourhood.getCode()).append(';').append(neighbourhood.getName()).append(';')
                        .append(year).append(';').append(decimal(wmo)).append(';')
                        .append(hideShare ? "." : decimal(youth)).append(';')
                        .append(hideCount ? "." : String.valueOf(trajectories)).append('\n');
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean isFundedFrom2023(int neighbourhoodIndex) {
        return neighbourhoodIndex == 1 || neighbourhoodIndex == 4; // Assen-Oost, Peelo in the demo order
    }

    /** One decimal, with CBS's decimal comma. */
    private static String decimal(double value) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(1, RoundingMode.HALF_UP).toPlainString()
                .replace('.', ',');
    }
}
