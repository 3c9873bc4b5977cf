package nl.preventiefonds.impact;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import nl.preventiefonds.municipality.Municipality;
import nl.preventiefonds.fund.Neighbourhood;

/**
 * Plausible care-demand figures for the demo neighbourhoods, 2019 up to 2025, as one import: Wmo clients per 1,000
 * residents, the share of young people with youth care and the number of youth-care trajectories, with the small
 * counts CBS would suppress stored as missing. Deterministic, so every demo start shows the same trends.
 */
public final class DemoIndicators {
    public static final int FIRST_YEAR = 2019;
    public static final int LAST_YEAR = 2025;
    /**
     * The demo world's completed grant ran in Assen-Oost and Peelo from 2023; their Wmo demand grows a little
     * slower from then on, so the impact dashboard has something to estimate. Demo data, not a finding.
     */
    static final int FUNDED_FROM = 2023;

    /** CBS withholds counts below this. */
    static final int SUPPRESS_BELOW = 10;

    private DemoIndicators() {
    }

    /** Stores the figures and returns the import they belong to. */
    public static CareIndicatorImport seed(EntityManager em, Municipality municipality,
                                           List<Neighbourhood> neighbourhoods, Instant at) {
        StringBuilder periods = new StringBuilder();
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            periods.append(periods.length() == 0 ? "" : ", ").append(year);
        }
        CareIndicatorImport log = new CareIndicatorImport(municipality, at, "system", CareDemandImport.Shape.WIDE.name(),
                neighbourhoods.size() * (LAST_YEAR - FIRST_YEAR + 1), periods.toString());
        em.persist(log);
        int values = 0;
        int suppressed = 0;
        for (int n = 0; n < neighbourhoods.size(); n++) {
            Neighbourhood neighbourhood = neighbourhoods.get(n);
            // Each neighbourhood its own level; the older, larger ones higher (Assen-Oost, Pittelo, Lariks).
            double wmoBase = 48 + (n * 37 % 29) + (n >= 1 && n <= 3 ? 14 : 0);
            double youthBase = 8.5 + (n * 13 % 7) * 0.9;
            int youngPeople = 180 + (n * 71 % 9) * 95;
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                int t = year - FIRST_YEAR;
                CarePeriod period = CarePeriod.year(year);
                // Wmo demand rises with ageing; a dip in 2020 (covid), a little noise per neighbourhood.
                double wmo = wmoBase * (1 + 0.025 * t) + (year == 2020 ? -3.5 : 0) + ((n + year) % 3 - 1) * 0.8
                        - (isFundedFrom2023(n) && year >= FUNDED_FROM ? 2.5 * (year - FUNDED_FROM + 1) : 0);
                em.persist(new CareIndicatorValue(neighbourhood, period, CareIndicator.WMO_CLIENTS_PER_1000.name(),
                        scale(wmo, 1), log));
                double youth = youthBase + 0.3 * t - (n == 2 && year >= 2023 ? 1.2 : 0) + ((n * year) % 5 - 2) * 0.2;
                // Centrum has few young people: CBS publishes no percentage before 2021.
                boolean hideShare = n == 0 && year < 2021;
                em.persist(new CareIndicatorValue(neighbourhood, period, CareIndicator.YOUTH_CARE_PERCENT.name(),
                        hideShare ? null : scale(youth, 1), log));
                int trajectories = (int) Math.round(youngPeople * youth / 100 * 1.4) - (n == 0 ? 20 : 0);
                boolean hideCount = trajectories < SUPPRESS_BELOW;
                em.persist(new CareIndicatorValue(neighbourhood, period, CareIndicator.YOUTH_CARE_TRAJECTORIES.name(),
                        hideCount ? null : BigDecimal.valueOf(trajectories), log));
                values += 3;
                suppressed += (hideShare ? 1 : 0) + (hideCount ? 1 : 0);
            }
        }
        log.counted(values, suppressed, 0);
        return log;
    }

    private static boolean isFundedFrom2023(int neighbourhoodIndex) {
        return neighbourhoodIndex == 1 || neighbourhoodIndex == 4; // Assen-Oost, Peelo in the demo order
    }

    private static BigDecimal scale(double value, int decimals) {
        return BigDecimal.valueOf(Math.max(0, value)).setScale(decimals, RoundingMode.HALF_UP);
    }
}
