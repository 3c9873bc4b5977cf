package nl.preventiefonds.application;

import java.math.BigDecimal;

/**
 * What a municipality awarded an organisation (by KvK number) in a de-minimis window. Implemented by the organisation
 * registry (nl.preventiefonds.organisation), which reads the decisions: application does not depend on the decision
 * or organisation domains, they depend on it (docs/architecture.md).
 */
public interface DeMinimisAwards {
    /** The sum of the awards in force, decided within {@code window}, except those on {@code exceptApplicationId}. */
    BigDecimal awarded(String kvkNumber, long municipalityId, DeMinimisWindow window, Long exceptApplicationId);
}
