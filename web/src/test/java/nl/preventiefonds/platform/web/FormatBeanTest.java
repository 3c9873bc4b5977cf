package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Locale;
import nl.preventiefonds.platform.Amsterdam;
import org.junit.jupiter.api.Test;

class FormatBeanTest {

    @Test
    void numbersWithoutNeedlessDecimalsTheLocalWay() {
        assertEquals("1.250,5", FormatBean.decimals(new BigDecimal("1250.50"), Amsterdam.DUTCH, 0, 2));
        assertEquals("1,250.5", FormatBean.decimals(new BigDecimal("1250.50"), Locale.ENGLISH, 0, 2));
        assertEquals("12", FormatBean.decimals(new BigDecimal("12.00"), Amsterdam.DUTCH, 0, 2));
        // NumberFormat rounds half-even, as the pages always did; amounts go through Money, not here
        assertEquals("-3,12", FormatBean.decimals(new BigDecimal("-3.125"), Amsterdam.DUTCH, 0, 2));
    }

    @Test
    void scoresWithTwoDecimals() {
        assertEquals("7,50", FormatBean.decimals(new BigDecimal("7.5"), Amsterdam.DUTCH, 2, 2));
        assertEquals("7.45", FormatBean.decimals(new BigDecimal("7.45"), Locale.ENGLISH, 2, 2));
        assertEquals("10,00", FormatBean.decimals(BigDecimal.TEN, Amsterdam.DUTCH, 2, 2));
    }

    @Test
    void noNumberShowsADash() {
        assertEquals("-", FormatBean.decimals(null, Amsterdam.DUTCH, 2, 2));
    }
}
