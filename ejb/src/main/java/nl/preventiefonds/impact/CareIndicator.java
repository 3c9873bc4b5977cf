package nl.preventiefonds.impact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.preventiefonds.application.CareDomain;
import nl.preventiefonds.platform.Folding;

/**
 * One of the six standard neighbourhood care-demand indicators, as CBS publishes it in "Kerncijfers wijken en buurten" (or the
 * municipality computes it the same way). A file names it by the constant, by the CBS column heading or by a
 * Dutch or English alias; case, accents, spaces and punctuation do not matter. Every municipality starts with a
 * {@link CareIndicatorDefinition} of each (same code, so stored values keep their names) and may add its own.
 */
public enum CareIndicator {
    WMO_CLIENTS_PER_1000("Wmo-cliënten per 1.000 inwoners", CareDomain.WMO, Unit.PER_1000_RESIDENTS,
            "Wmo-cliënten relatief (per 1 000 inwoners)", "Wmo-cliënten relatief", "Wmo-cliënten per 1000 inwoners",
            "Wmo clients per 1000 residents", "Wmo clients relative"),
    WMO_CLIENTS("Wmo-cliënten (aantal)", CareDomain.WMO, Unit.COUNT,
            "Wmo-cliënten (aantal)", "Wmo-cliënten", "Wmo clients"),
    YOUTH_CARE_PERCENT("Jongeren met jeugdzorg (%)", CareDomain.YOUTH_CARE, Unit.PERCENT,
            "Percentage jongeren met jeugdzorg (%)", "Percentage jongeren met jeugdzorg", "Jongeren met jeugdzorg (%)",
            "Jeugdzorg percentage", "Youth care percent", "Young people with youth care (%)"),
    YOUTH_CARE_TRAJECTORIES("Jeugdzorgtrajecten (aantal)", CareDomain.YOUTH_CARE, Unit.COUNT,
            "Jeugdzorgtrajecten (aantal)", "Jeugdzorgtrajecten", "Trajecten jeugdzorg", "Youth care trajectories"),
    SHELTERED_HOUSING_CLIENTS("Cliënten beschermd wonen (aantal)", CareDomain.SHELTERED_HOUSING, Unit.COUNT,
            "Cliënten beschermd wonen (aantal)", "Beschermd wonen", "Sheltered housing clients"),
    DEBT_HELP_HOUSEHOLDS_PER_1000("Huishoudens met schuldhulp per 1.000 huishoudens", CareDomain.DEBT_RELIEF, Unit.PER_1000_HOUSEHOLDS,
            "Huishoudens met schuldhulpverlening (per 1 000 huishoudens)", "Schuldhulpverlening relatief",
            "Debt help households per 1000 households");

    /** What a value counts; a percentage cannot exceed 100, and no indicator is negative. */
    public enum Unit {
        COUNT, PERCENT, PER_1000_RESIDENTS, PER_1000_HOUSEHOLDS
    }

    private static final Map<String, CareIndicator> BY_KEY = new HashMap<>();

    static {
        for (CareIndicator indicator : values()) {
            BY_KEY.put(key(indicator.name()), indicator);
            for (String alias : indicator.aliases) {
                BY_KEY.put(key(alias), indicator);
            }
        }
    }

    private final String standardName;
    private final CareDomain domain;
    private final Unit unit;
    private final String cbsHeading;
    private final List<String> aliases;

    CareIndicator(String standardName, CareDomain domain, Unit unit, String cbsHeading, String... more) {
        this.standardName = standardName;
        this.domain = domain;
        this.unit = unit;
        this.cbsHeading = cbsHeading;
        this.aliases = java.util.stream.Stream.concat(java.util.stream.Stream.of(cbsHeading),
                java.util.stream.Stream.of(more)).toList();
    }

    /** The Dutch name a municipality's definition starts with (the pages show the bundle text while it is unchanged). */
    public String standardName() {
        return standardName;
    }

    public CareDomain domain() {
        return domain;
    }

    public Unit unit() {
        return unit;
    }

    /** The column heading as in the CBS table, which is also the wide file's header. */
    public String cbsHeading() {
        return cbsHeading;
    }

    public List<String> aliases() {
        return aliases;
    }

    /** The indicator a cell or heading names, if any. */
    public static Optional<CareIndicator> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key(text)));
    }

    /** The standard indicator of exactly this code. */
    public static Optional<CareIndicator> ofCode(String code) {
        for (CareIndicator indicator : values()) {
            if (indicator.name().equals(code)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }

    /** Lower case, without accents, without anything but letters and digits: "Wmo-cliënten" is "wmoclienten". */
    public static String key(String text) {
        return Folding.fold(text).replaceAll("[^a-z0-9]", "");
    }
}
