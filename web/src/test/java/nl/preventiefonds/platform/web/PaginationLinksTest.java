package nl.preventiefonds.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PaginationLinksTest {

    @Test
    void aMiddlePageLinksEverywhere() {
        assertEquals(Map.of("first", 0, "prev", 10, "next", 30, "last", 40), PaginationLinks.targets(45, 20, 10));
    }

    @Test
    void theFirstPageHasNoPreviousAndTheLastNoNext() {
        assertEquals(Map.of("first", 0, "next", 10, "last", 40), PaginationLinks.targets(45, 0, 10));
        assertEquals(Map.of("first", 0, "prev", 30, "last", 40), PaginationLinks.targets(45, 40, 10));
    }

    @Test
    void anExactMultipleEndsOnAFullPage() {
        assertEquals(Map.of("first", 0, "prev", 10, "last", 20), PaginationLinks.targets(30, 20, 10));
        assertEquals(Map.of("first", 0, "prev", 0, "next", 20, "last", 20), PaginationLinks.targets(30, 10, 10));
    }

    @Test
    void anOffsetBetweenPagesGoesBackAWholePageButNotBeforeTheStart() {
        assertEquals(Map.of("first", 0, "prev", 0, "next", 8, "last", 40), PaginationLinks.targets(45, 3, 5));
        assertEquals(Map.of("first", 0, "prev", 40, "last", 40), PaginationLinks.targets(45, 90, 10),
                "beyond the end: back to the last page");
    }

    @Test
    void anEmptyListLinksToItsOnlyPageAndABadSizeToNothing() {
        assertEquals(Map.of("first", 0, "last", 0), PaginationLinks.targets(0, 0, 10));
        assertEquals(Map.of(), PaginationLinks.targets(45, 0, 0));
        assertEquals(Map.of(), PaginationLinks.targets(45, -1, 10));
    }

    @Test
    void anUncountedListLinksOnWhileItsPagesComeBackFull() {
        assertEquals(Map.of("first", 0, "next", 50), PaginationLinks.targetsWithoutTotal(0, 50, 50));
        assertEquals(Map.of("first", 0, "prev", 50, "next", 150), PaginationLinks.targetsWithoutTotal(100, 50, 50));
        assertEquals(Map.of("first", 0, "prev", 50), PaginationLinks.targetsWithoutTotal(100, 50, 49),
                "a page short of full is the last");
        assertEquals(Map.of("first", 0, "prev", 0), PaginationLinks.targetsWithoutTotal(20, 50, 0),
                "back a whole page, not before the start");
        assertEquals(Map.of(), PaginationLinks.targetsWithoutTotal(0, 0, 10));
    }
}
