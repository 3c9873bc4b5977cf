package nl.preventiefonds.call.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartPageBeanTest {
    @Test
    void theAskedPageWithinThePagesThereAre() {
        assertEquals(2, StartPageBean.page("2", 6));
        assertEquals(6, StartPageBean.page("6", 6));
        assertEquals(6, StartPageBean.page("99", 6), "past the last page: the last");
        assertEquals(1, StartPageBean.page("0", 6));
    }

    @Test
    void anythingElseIsTheFirstPage() {
        for (String asked : new String[] {null, "", "-1", "2x", "1e3", " 2", "２", "99999999999"}) {
            assertEquals(1, StartPageBean.page(asked, 6), "asked: " + asked);
        }
    }
}
