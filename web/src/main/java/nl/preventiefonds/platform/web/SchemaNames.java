package nl.preventiefonds.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Clear names for the OpenAPI schemas generated from ejb types whose simple name only makes sense inside their
 * class (CareDemandImport.Shape, RetentionRule.Verdict, ...). The ejb module stays free of API documentation, so
 * {@link OpenApiDocument} renames them here; a name that is no longer generated fails, so a stale entry is noticed.
 */
final class SchemaNames {
    static final String SCHEMAS = "#/components/schemas/";

    /** Generated name -> published name. */
    static final Map<String, String> CLEAR = clear();

    private SchemaNames() {
    }

    private static Map<String, String> clear() {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("Shape", "CareDemandCsvShape");
        names.put("Verdict", "RetentionVerdict");
        names.put("Dashboard", "ImpactDashboard");
        names.put("Filter", "ImpactDashboardFilter");
        names.put("Portfolio", "ImpactPortfolio");
        names.put("Scenario", "AvoidedCostScenario");
        names.put("YearMeans", "ImpactYearMeans");
        names.put("YearValue", "ImpactYearValue");
        names.put("Submission", "ApplicationSubmission");
        names.put("Spending", "ReportSpendingInput");
        names.put("Indicator", "ReportIndicatorInput");
        names.put("Settlement", "DeterminationSettlement");
        return Map.copyOf(names);
    }

    /**
     * The schemas with the names renamed, in their order.
     *
     * @throws IllegalStateException when a name to rename is missing or its new name is already taken
     */
    static <T> Map<String, T> rename(Map<String, T> schemas, Map<String, String> names) {
        TreeSet<String> missing = new TreeSet<>(names.keySet());
        missing.removeAll(schemas.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("OpenAPI schemas to rename are not generated (any more): " + missing);
        }
        TreeSet<String> taken = new TreeSet<>(names.values());
        taken.retainAll(schemas.keySet());
        if (!taken.isEmpty()) {
            throw new IllegalStateException("OpenAPI schema names already taken: " + taken);
        }
        Map<String, T> renamed = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> renamed.put(names.getOrDefault(name, name), schema));
        return renamed;
    }

    /** A reference to a renamed schema points at its new name; any other reference stays as it is. */
    static String ref(String ref, Map<String, String> names) {
        if (ref == null || !ref.startsWith(SCHEMAS)) {
            return ref;
        }
        String name = names.get(ref.substring(SCHEMAS.length()));
        return name == null ? ref : SCHEMAS + name;
    }
}
