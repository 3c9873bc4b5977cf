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
    /** In 2027 with a budget of its own of 30,000; OPEN_CALL without one; BIG_CALL's 1,000 exceed its 2028's 500. */
    private static final long CALL = 11;
    private static final long OPEN_CALL = 12;
    private static final long BIG_CALL = 13;
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
            s.executeUpdate("DELETE FROM funding_call");
            String call = "INSERT INTO funding_call (id, fund_id, title, opens_at, closes_at, max_amount, min_amount,"
                    + " decision_term_weeks, budget_year, budget, committed, version) VALUES (?, 1, 'R',"
                    + " TIMESTAMP '2027-01-01 00:00:00', TIMESTAMP '2027-06-01 00:00:00', 50000, 0, 8, ";
            s.executeUpdate(call.replace("?", String.valueOf(CALL)) + "2027, 30000.00, 0, 0)");
            s.executeUpdate(call.replace("?", String.valueOf(OPEN_CALL)) + "2027, NULL, 0, 0)");
            s.executeUpdate(call.replace("?", String.valueOf(BIG_CALL)) + "2028, 1000.00, 0, 0)");
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

    private BigDecimal callCommitted(long callId) {
        return ledger.position(callId).committed();
    }

    @Test
    void anAwardThatFillsTheCallToItsCeilingFitsAndOneCentMoreDoesNot() {
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(CALL, FUND, YEAR, eur("29999.99")));
        assertEquals(eur("0.01"), ledger.position(CALL).available());
        assertEquals(BudgetLedger.Commitment.CALL_INSUFFICIENT, ledger.commit(CALL, FUND, YEAR, eur("0.02")),
                "one cent over the call's budget");
        assertEquals(eur("29999.99"), callCommitted(CALL), "nothing changed in the call");
        assertEquals(eur("29999.99"), ledger.committed(FUND, YEAR), "the year's commitment was taken back");
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(CALL, FUND, YEAR, eur("0.01")),
                "exactly the ceiling");
        assertEquals(eur("30000.00"), callCommitted(CALL));
        assertEquals(eur("0.00"), ledger.position(CALL).available());
        assertEquals(eur("70000.00"), ledger.remaining(FUND, YEAR), "the rest of the year stays for other calls");
        assertEquals(BudgetLedger.Commitment.CALL_INSUFFICIENT, ledger.commit(CALL, FUND, YEAR, eur("0.01")));
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(OPEN_CALL, FUND, YEAR, eur("70000.00")),
                "a call without a budget of its own takes what the year has");
        assertEquals(eur("0.00"), ledger.position(OPEN_CALL).available());
    }

    @Test
    void theYearLimitsACallWhoseBudgetIsHigherThanWhatTheYearHasLeft() {
        assertEquals(BudgetLedger.Commitment.YEAR_INSUFFICIENT, ledger.commit(BIG_CALL, FUND, 2028, eur("500.01")));
        assertEquals(eur("0.00"), callCommitted(BIG_CALL), "nothing changed in the call");
        assertEquals(eur("0.00"), ledger.committed(FUND, 2028));
        BudgetLedger.CallPosition position = ledger.position(BIG_CALL);
        assertEquals(eur("500.00"), position.available(), "the lesser of the year's 500 and the call's 1000");
        assertFalse(position.callLimits());
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(BIG_CALL, FUND, 2028, eur("500.00")));
        assertEquals(eur("500.00"), ledger.position(BIG_CALL).callRemaining());
        assertEquals(eur("0.00"), ledger.position(BIG_CALL).available());
    }

    @Test
    void aReleaseGivesBackToTheYearAndTheCallButNeverMoreThanTheCallCommitted() {
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(CALL, FUND, YEAR, eur("30000.00")));
        ledger.release(CALL, FUND, YEAR, eur("0.01"));
        assertEquals(eur("29999.99"), callCommitted(CALL));
        assertEquals(eur("29999.99"), ledger.committed(FUND, YEAR));
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(CALL, FUND, YEAR, eur("0.01")),
                "what was released can be awarded again");
        assertEquals(BudgetLedger.Commitment.COMMITTED, ledger.commit(OPEN_CALL, FUND, YEAR, eur("100.00")));
        assertThrows(IllegalStateException.class, () -> ledger.release(OPEN_CALL, FUND, YEAR, eur("100.01")),
                "more than the call committed is never given back");
        assertEquals(eur("30100.00"), ledger.committed(FUND, YEAR), "nothing changed in the year");
        assertEquals(eur("100.00"), callCommitted(OPEN_CALL), "nor in the call");
        ledger.release(CALL, FUND, YEAR, eur("30000.00"));
        assertEquals(eur("0.00"), callCommitted(CALL), "exactly everything");
        assertEquals(eur("100.00"), ledger.committed(FUND, YEAR), "the other call's award stays");
    }

    @Test
    void theCeilingIsTheLesserRestAtItsEdges() {
        assertEquals(eur("500.00"), BudgetLedger.CallPosition.available(eur("500.00"), null, eur("0.00")),
                "no budget of its own: the year's rest");
        assertEquals(eur("0.01"), BudgetLedger.CallPosition.available(eur("500.00"), eur("1000.00"), eur("999.99")));
        assertEquals(eur("0.00"), BudgetLedger.CallPosition.available(eur("500.00"), eur("1000.00"), eur("1000.00")),
                "exactly the ceiling: nothing left");
        assertEquals(eur("0.00"), BudgetLedger.CallPosition.available(eur("500.00"), eur("1000.00"), eur("1000.01")),
                "never below zero (a budget lowered under an old commitment by hand)");
        assertEquals(eur("500.00"), BudgetLedger.CallPosition.available(eur("500.00"), eur("500.01"), eur("0.00")),
                "one cent more in the call than in the year: the year limits");
        assertEquals(eur("499.99"), BudgetLedger.CallPosition.available(eur("500.00"), eur("499.99"), eur("0.00")),
                "one cent less: the call limits");
        assertTrue(new BudgetLedger.CallPosition(eur("499.99"), eur("0.00"), eur("500.00")).callLimits());
        assertFalse(new BudgetLedger.CallPosition(eur("500.00"), eur("0.00"), eur("500.00")).callLimits());
        assertEquals(eur("0.00"), BudgetLedger.CallPosition.available(eur("-1.00"), null, eur("0.00")));
    }
}
