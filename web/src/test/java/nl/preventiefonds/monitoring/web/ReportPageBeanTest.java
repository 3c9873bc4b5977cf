package nl.preventiefonds.monitoring.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import nl.preventiefonds.monitoring.ReportForm;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

/** A service problem lands on the input it is about, so that input is marked invalid and keeps what was typed. */
class ReportPageBeanTest {

    private static ReportPageBean withForm(ReportForm form) throws Exception {
        ReportPageBean bean = new ReportPageBean();
        Field field = ReportPageBean.class.getDeclaredField("form");
        field.setAccessible(true);
        field.set(bean, form);
        return bean;
    }

    @Test
    void problemsAreBoundToTheirRowAndField() throws Exception {
        ReportForm form = new ReportForm();
        form.getActivities().add(new ReportForm.ActivityResult(1L, 5, 1, 0));
        form.getActivities().add(new ReportForm.ActivityResult(2L, null, 1, 0));
        form.getIndicators().add(new ReportForm.Indicator("Minder eenzaam", null));
        form.getIndicators().add(new ReportForm.Indicator(null, new BigDecimal("3")));
        form.getSpending().add(new ReportForm.Spending(7L, null));
        ReportPageBean bean = withForm(form);

        assertEquals("reportForm:activities:1:participants",
                bean.fieldOf(Problem.of("report.reachMissing", 2, "field.participants")));
        assertEquals("reportForm:activities:0:volunteers",
                bean.fieldOf(Problem.of("report.reachInvalid", 1, "field.volunteers", 1000000)));
        assertEquals("reportForm:activities:0:note", bean.fieldOf(Problem.of("report.rowTooLong", 1, "field.note", 2000)));
        assertEquals("reportForm:indicators:0:indicatorValue", bean.fieldOf(Problem.of("report.indicatorIncomplete", 1)));
        assertEquals("reportForm:indicators:1:indicatorName", bean.fieldOf(Problem.of("report.indicatorIncomplete", 2)));
        assertEquals("reportForm:spending:0:spent", bean.fieldOf(Problem.of("report.spentRequired", 1)));
        assertEquals("reportForm:narrative", bean.fieldOf(Problem.of("report.narrativeRequired")));
        assertEquals("reportForm:narrative", bean.fieldOf(Problem.of("field.tooLong", "field.narrative", 8000)));
    }

    @Test
    void problemsOfTheWholeReportOrOutOfRangeRowsStayGeneral() throws Exception {
        ReportPageBean bean = withForm(new ReportForm());
        assertNull(bean.fieldOf(Problem.of("report.reachRequired")));
        assertNull(bean.fieldOf(Problem.of("report.reachMissing", 3, "field.participants")));
        assertNull(bean.fieldOf(Problem.of("report.spendingIncomplete")));
        assertNull(bean.fieldOf(Problem.of("report.accountantStatementRequired")));
    }
}
