package nl.preventiefonds.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aLostConnectionDeepInTheChainIsAnOutage() {
        Exception wrapped = new EJBException(new PersistenceException(
                new SQLNonTransientConnectionException("Socket fail to connect to host:address=(host=127.0.0.1)")));
        assertTrue(DatabaseOutage.causedBy(wrapped));
    }

    @Test
    void sqlStateClass08IsAnOutage() {
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("Communications link failure", "08S01"))));
    }

    @Test
    void anEmptyPoolIsAnOutage() {
        Exception pool = new RuntimeException(new jakarta.resource.ResourceException(
                "IJ000453: Unable to get managed connection for java:jboss/datasources/PreventiefondsDS"));
        assertTrue(DatabaseOutage.causedBy(pool));
    }

    @Test
    void brokenRulesAndBugsAreNot() {
        assertFalse(DatabaseOutage.causedBy(new EJBException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))));
        assertFalse(DatabaseOutage.causedBy(new NullPointerException()));
        assertFalse(DatabaseOutage.causedBy(null));
    }

    @Test
    void aCycleInTheCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertFalse(DatabaseOutage.causedBy(a));
    }
}
