package nl.preventiefonds.impact;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import nl.preventiefonds.municipality.MunicipalityCreated;

/** Every new municipality starts with the six standard care indicators, in the transaction that adds it. */
@Stateless
@PermitAll
public class StandardIndicators {
    @PersistenceContext
    private EntityManager em;

    /** Only inside the transaction that created the municipality (whoever may create one). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void onCreated(@Observes MunicipalityCreated event) {
        seed(em, event.municipality());
    }

    /** For code that creates a municipality without the event (the tests on the embedded database). */
    public static void seed(EntityManager em, nl.preventiefonds.municipality.Municipality municipality) {
        CareIndicatorDefinition.standardSix(municipality).forEach(em::persist);
    }
}
