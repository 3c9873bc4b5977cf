package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BudgetAndIdentifiersTest {

    @Test
    void requestedIsCostsMinusCoFundingAndHoursDoNotCountAsMoney() {
        Budget budget = Budget.of(List.of(
                new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Huur", new BigDecimal("1200.50"), null),
                new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Materiaal", new BigDecimal("299.50"), null),
                new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Fonds", new BigDecimal("250.00"), null),
                new ApplicationForm.BudgetRow(BudgetLineKind.IN_KIND_HOURS, "Vrijwilligers", null,
                        new BigDecimal("120.5"))));
        assertEquals(new BigDecimal("1500.00"), budget.costs());
        assertEquals(new BigDecimal("250.00"), budget.coFunding());
        assertEquals(new BigDecimal("1250.00"), budget.requested());
        assertEquals(new BigDecimal("120.50"), budget.inKindHours());
    }

    @Test
    void requestedNeverGoesBelowZero() {
        Budget budget = Budget.of(List.of(
                new ApplicationForm.BudgetRow(BudgetLineKind.COST, "Huur", new BigDecimal("100.00"), null),
                new ApplicationForm.BudgetRow(BudgetLineKind.CO_FUNDING, "Fonds", new BigDecimal("300.00"), null)));
        assertEquals(new BigDecimal("0.00"), budget.requested());
    }

    @Test
    void ibansAreCheckedWithTheirCheckDigits() {
        String typed = OrganisationIdentifiers.normaliseIban(" nl91 abna 0417 1643 00 ");
        assertEquals("NL91ABNA0417164300", typed);
        assertTrue(OrganisationIdentifiers.isValidIban(typed));
        assertFalse(OrganisationIdentifiers.isValidIban("NL91ABNA0417164301"), "one digit off");
        assertFalse(OrganisationIdentifiers.isValidIban("NL91ABNA041716430"), "too short for NL");
        assertTrue(OrganisationIdentifiers.isValidIban("DE89370400440532013000"), "other SEPA countries too");
        assertEquals("NL91 ABNA 0417 1643 00", OrganisationIdentifiers.formatIban(typed));
    }

    @Test
    void kvkNumbersAreEightDigitsAndNothingTypedIsCut() {
        assertEquals("40012345", OrganisationIdentifiers.normaliseKvk(" 4001.2345 "));
        assertTrue(OrganisationIdentifiers.isValidKvk("40012345"));
        assertEquals("400123456", OrganisationIdentifiers.normaliseKvk("400123456"));
        assertFalse(OrganisationIdentifiers.isValidKvk("400123456"));
        assertFalse(OrganisationIdentifiers.isValidKvk("4001234a"));
        assertNull(OrganisationIdentifiers.normaliseKvk("   "));
    }

    @Test
    void draftsRefuseOnlyWhatCannotBeStored() {
        ApplicationForm form = new ApplicationForm();
        assertEquals(List.of(), form.checkStorable());
        form.setTitle("x".repeat(201));
        form.getBudgetLines().add(new ApplicationForm.BudgetRow(BudgetLineKind.COST, "a", new BigDecimal("1.001"),
                null));
        form.getActivities().add(new ApplicationForm.ActivityRow("a", null, -1, null, null));
        assertEquals(List.of("field.tooLong", "application.reachNegative", "money.cents"),
                form.checkStorable().stream().map(nl.preventiefonds.platform.Problem::key).toList());
    }
}
