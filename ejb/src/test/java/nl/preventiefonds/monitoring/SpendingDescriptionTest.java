package nl.preventiefonds.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A cost line may be named in 300 characters; its copy in the report fits the 200 of report_spending. */
class SpendingDescriptionTest {

    @Test
    void aLongCostLineNameIsCutToTheColumnWithoutSplittingACharacter() {
        String name = "a".repeat(199) + "😀" + "b".repeat(100);
        String copy = ReportFiling.firstCodePoints(name, ReportFiling.SPENDING_DESCRIPTION_MAX);
        assertEquals(200, copy.codePointCount(0, copy.length()));
        assertEquals("a".repeat(199) + "😀", copy);
        assertEquals("Huur", ReportFiling.firstCodePoints("Huur", 200));
    }
}
