package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsAQuote() {
        assertEquals("'=HYPERLINK(\"http://x\";\"klik\")", CsvCells.text("=HYPERLINK(\"http://x\";\"klik\")"));
        assertEquals("'+31 6 1234", CsvCells.text("+31 6 1234"));
        assertEquals("'-2+3", CsvCells.text("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.text("@SUM(A1)"));
        assertEquals("'\t=1", CsvCells.text("\t=1"));
        assertEquals("'\r=1", CsvCells.text("\r=1"));
    }

    @Test
    void otherTextStaysAsItIs() {
        assertEquals("Buurtkamer = ontmoeting", CsvCells.text("Buurtkamer = ontmoeting"));
        assertEquals("'s-Hertogenbosch", CsvCells.text("'s-Hertogenbosch"));
        assertEquals(" =1", CsvCells.text(" =1"));
        assertEquals("", CsvCells.text(null));
        assertEquals("", CsvCells.text(""));
    }

    @Test
    void readingBackTakesOnlyTheAddedQuoteOff() {
        for (String value : new String[] {"=1+1", "-Inloop", "@x", "+", "gewoon", "'s-Hertogenbosch", "'"}) {
            assertEquals(value, CsvCells.unquoted(CsvCells.text(value)), value);
        }
        assertEquals("'tekst", CsvCells.unquoted("'tekst"));
        assertEquals(null, CsvCells.unquoted(null));
    }

    @Test
    void aNumberCellKeepsItsSignAndAnythingElseInItIsText() {
        assertEquals("-12.50", CsvCells.numberOrText("-12.50"));
        assertEquals("1.200", CsvCells.numberOrText("1.200"));
        assertEquals("7,5", CsvCells.numberOrText("7,5"));
        assertEquals("+3", CsvCells.numberOrText("+3"));
        assertEquals("'-1+cmd", CsvCells.numberOrText("-1+cmd"));
        assertEquals("'=1", CsvCells.numberOrText("=1"));
        assertEquals("", CsvCells.numberOrText(null));
    }
}
