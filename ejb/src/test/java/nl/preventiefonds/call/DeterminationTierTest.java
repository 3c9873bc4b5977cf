package nl.preventiefonds.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.preventiefonds.fund.Fund;
import nl.preventiefonds.municipality.Municipality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report a grant needs, at every tier boundary: a tier covers grants up to and including its amount. */
class DeterminationTierTest {

    private static FundingCall call(CallForm form) {
        form.setTitle("Ronde 2027");
        form.setOpensAt(LocalDateTime.of(2027, 1, 4, 9, 0));
        form.setClosesAt(LocalDateTime.of(2027, 3, 31, 17, 0));
        form.setMinAmount(new BigDecimal("0.00"));
        form.setMaxAmount(new BigDecimal("500000.00"));
        form.setBudgetYear(2027);
        form.setThemes(EnumSet.of(Theme.LONELINESS));
        return FundingCall.create(new Fund(new Municipality("GM0106", "Assen"), "Preventiefonds", null,
                new BigDecimal("1000000.00")), form, Set.of());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "0.01, NONE",
            "4999.99, NONE",
            "5000.00, NONE",
            "5000, NONE",
            "5000.01, ACTIVITY_REPORT",
            "49999.99, ACTIVITY_REPORT",
            "50000.00, ACTIVITY_REPORT",
            "50000.01, ACTIVITY_AND_FINANCIAL_REPORT",
            "125000.00, ACTIVITY_AND_FINANCIAL_REPORT",
            "125000.01, ACCOUNTANT_STATEMENT",
            "500000.00, ACCOUNTANT_STATEMENT"
    })
    void theDefaultTiersAtTheirBoundaries(BigDecimal amount, ReportKind report) {
        assertEquals(Optional.of(report), call(CallForm.withDefaults(1L)).reportRequiredFor(amount));
    }

    @Test
    void theFirstCoveringTierWinsAndTheLastHasNoUpperBound() {
        CallForm form = CallForm.withDefaults(1L);
        form.getTiers().clear();
        form.getTiers().add(new CallForm.TierRow(new BigDecimal("25000.00"), ReportKind.ACTIVITY_REPORT));
        form.getTiers().add(new CallForm.TierRow(null, ReportKind.ACTIVITY_AND_FINANCIAL_REPORT));
        FundingCall call = call(form);
        assertEquals(Optional.of(ReportKind.ACTIVITY_REPORT), call.reportRequiredFor(new BigDecimal("0.00")));
        assertEquals(Optional.of(ReportKind.ACTIVITY_REPORT), call.reportRequiredFor(new BigDecimal("25000.00")));
        assertEquals(Optional.of(ReportKind.ACTIVITY_AND_FINANCIAL_REPORT),
                call.reportRequiredFor(new BigDecimal("25000.01")));
        assertEquals(Optional.of(ReportKind.ACTIVITY_AND_FINANCIAL_REPORT),
                call.reportRequiredFor(new BigDecimal("99999999999.99")));
    }

    @Test
    void aCallWithoutTiersRequiresNothingKnown() {
        CallForm form = CallForm.withDefaults(1L);
        form.getTiers().clear();
        assertEquals(Optional.empty(), call(form).reportRequiredFor(new BigDecimal("100.00")));
    }

    @Test
    void aTierCoversUpToAndIncludingItsAmount() {
        DeterminationTier tier = new DeterminationTier(null, 1, new BigDecimal("5000.00"), ReportKind.NONE);
        assertTrue(tier.covers(new BigDecimal("5000.00")));
        assertTrue(tier.covers(new BigDecimal("4999.99")));
        assertFalse(tier.covers(new BigDecimal("5000.01")));
        DeterminationTier open = new DeterminationTier(null, 2, null, ReportKind.ACCOUNTANT_STATEMENT);
        assertTrue(open.covers(new BigDecimal("1000000000.00")));
    }

    @Test
    void theCallKeepsItsTiersInOrderWithAmountsInCents() {
        List<DeterminationTier> tiers = call(CallForm.withDefaults(1L)).getTiers();
        assertEquals(List.of(1, 2, 3, 4), tiers.stream().map(DeterminationTier::getPosition).toList());
        assertEquals(Arrays.asList(new BigDecimal("5000.00"), new BigDecimal("50000.00"), new BigDecimal("125000.00"),
                null), tiers.stream().map(DeterminationTier::getUpToAmount).toList());
        assertEquals(List.of(ReportKind.NONE, ReportKind.ACTIVITY_REPORT, ReportKind.ACTIVITY_AND_FINANCIAL_REPORT,
                ReportKind.ACCOUNTANT_STATEMENT), tiers.stream().map(DeterminationTier::getReportKind).toList());
        assertNull(tiers.get(0).getId(), "not stored yet");
    }
}
