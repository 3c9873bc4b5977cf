package nl.preventiefonds.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import nl.preventiefonds.platform.DemoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ledger's conditional updates at their edges, on the demo database (H2 in MariaDB mode) through the real
 * persistence unit ({@link DemoDatabase}): a commitment that fills the year budget to the cent fits, one cent
 * more does not, and a release never takes committed money below zero. BudgetConcurrencyIT runs the ledger on
 * MariaDB under concurrent decisions.
 */
class BudgetLedgerOnDemoDatabaseTest {
    private static final String URL = "jdbc:h2:mem:ledger;DB_CLOSE_DELAY=-1;MODE=MariaDB;DATABASE_TO_LOWER=TRUE;"
            + "NON_KEYWORDS=VALUE,YEAR,MONTH";
    private static final long FUND = 1;
    private static final int YEAR = 2027;
    private static DemoDatabase database;

    private EntityManager em;
    private BudgetLedger ledger;

    @BeforeAll
    static void database() throws SQLException {
        database = new DemoDatabase("ledger");
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO municipality (id, code, name) VALUES (1, 'GM0106', 'Assen')");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (1, 1, 'F', 1000000)");
            s.executeUpdate("INSERT INTO fund (id, municipality_id, name, total_budget) VALUES (2, 1, 'G', 1000000)");
        }
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void ledger() throws Exception {
        try (Connection c = DriverManager.getConnection(URL, "sa", "sa"); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM fund_year_budget");
            s.executeUpdate("INSERT INTO fund_year_budget (fund_id, budget_year, budget, committed)"
                    + " VALUES (1, 2027, 100000.00, 0)");
            s.executeUpdate("INSERT INTO fund_year_budget (fund_id, budget_year, budget, committed)"
                    + " VALUES (1, 2028, 500.00, 0)");
            s.executeUpdate("INSERT INTO fund_year_budget (fund_id, budget_year, budget, committed)"
                    + " VALUES (2, 2027, 700.00, 0)");
        }
        em = database.entityManager();
        ledger = DemoDatabase.inject(new BudgetLedger(), "em", em);
        em.getTransaction().begin();
    }

    @AfterEach
    void commit() {
        if (em.getTransaction().isActive()) {
            em.getTransaction().commit();
        }
        em.close();
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void aCommitmentThatFillsTheYearToTheCentFitsAndOneCentMoreDoesNot() {
        assertTrue(ledger.commit(FUND, YEAR, eur("99999.99")));
        assertEquals(eur("0.01"), ledger.remaining(FUND, YEAR));
        assertFalse(ledger.commit(FUND, YEAR, eur("0.02")), "one cent over the budget");
        assertEquals(eur("99999.99"), ledger.committed(FUND, YEAR), "nothing changed");
        assertTrue(ledger.commit(FUND, YEAR, eur("0.01")), "exactly the rest");
        assertEquals(eur("0.00"), ledger.remaining(FUND, YEAR));
        assertEquals(eur("100000.00"), ledger.committed(FUND, YEAR));
        assertFalse(ledger.commit(FUND, YEAR, eur("0.01")));
    }

    @Test
    void aSingleCommitmentOfTheWholeBudgetFitsAndOneCentMoreDoesNot() {
        assertFalse(ledger.commit(FUND, YEAR, eur("100000.01")));
        assertEquals(eur("0.00"), ledger.committed(FUND, YEAR));
        assertEquals(eur("100000.00"), ledger.remaining(FUND, YEAR));
        assertTrue(ledger.commit(FUND, YEAR, eur("100000.00")));
        assertEquals(eur("0.00"), ledger.remaining(FUND, YEAR));
    }

    @Test
    void eachFundYearHasItsOwnLedger() {
        assertTrue(ledger.commit(FUND, 2028, eur("500.00")));
        assertEquals(eur("0.00"), ledger.remaining(FUND, 2028));
        assertEquals(eur("100000.00"), ledger.remaining(FUND, YEAR), "another year of the same fund");
        assertEquals(eur("700.00"), ledger.remaining(2, YEAR), "the same year of another fund");
        assertEquals(eur("0.00"), ledger.committed(2, YEAR));
    }

    @Test
    void aYearWithoutBudgetTakesNothingAndHasNothingLeft() {
        assertFalse(ledger.commit(FUND, 2030, eur("0.01")));
        assertEquals(eur("0.00"), ledger.remaining(FUND, 2030));
        assertEquals(eur("0.00"), ledger.committed(FUND, 2030));
        assertEquals(2, ledger.remaining(FUND, 2030).scale(), "euros with cents");
    }

    @Test
    void aReleaseGivesMoneyBackButNeverMoreThanWasCommitted() {
        assertTrue(ledger.commit(FUND, YEAR, eur("2500.00")));
        ledger.release(FUND, YEAR, eur("499.99"));
        assertEquals(eur("2000.01"), ledger.committed(FUND, YEAR));
        assertEquals(eur("97999.99"), ledger.remaining(FUND, YEAR));
        IllegalStateException tooMuch = assertThrows(IllegalStateException.class,
                () -> ledger.release(FUND, YEAR, eur("2000.02")));
        assertEquals("cannot release 2000.02 from fund 1 year 2027", tooMuch.getMessage());
        assertEquals(eur("2000.01"), ledger.committed(FUND, YEAR), "nothing changed");
        ledger.release(FUND, YEAR, eur("2000.01"));
        assertEquals(eur("0.00"), ledger.committed(FUND, YEAR), "exactly everything");
        assertThrows(IllegalStateException.class, () -> ledger.release(FUND, 2030, eur("0.01")),
                "a year without budget");
    }
}
