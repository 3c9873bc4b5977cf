package nl.preventiefonds.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import nl.preventiefonds.identity.BrokerKind;
import nl.preventiefonds.identity.LevelOfAssurance;
import nl.preventiefonds.identity.LoginAssurance;
import nl.preventiefonds.platform.Problem;
import org.junit.jupiter.api.Test;

/** Who may submit on behalf of an organisation where a municipality has eHerkenning, and who everywhere else. */
class SubmitLevelOfAssuranceTest {
    private static final LoginAssurance EH2 = new LoginAssurance(BrokerKind.EHERKENNING, LevelOfAssurance.EH2,
            "12345678", "Buurtvereniging");
    private static final LoginAssurance EH3 = new LoginAssurance(BrokerKind.EHERKENNING, LevelOfAssurance.EH3,
            "12345678", "Buurtvereniging");
    private static final LoginAssurance DIGID = new LoginAssurance(BrokerKind.DIGID,
            LevelOfAssurance.DIGID_SUBSTANTIEEL, null, null);

    @Test
    void aFoundationNeedsTheRequiredEHerkenningLevel() {
        Optional<Problem> refused = ApplicationService.levelProblem(LegalForm.FOUNDATION,
                () -> Optional.of(LevelOfAssurance.EH3), EH2);
        assertEquals("application.levelTooLow", refused.orElseThrow().key());
        assertEquals(List.of("EH3", "EH2"), refused.get().args());
        assertTrue(ApplicationService.levelProblem(LegalForm.FOUNDATION, () -> Optional.of(LevelOfAssurance.EH3), EH3)
                .isEmpty());
        assertTrue(ApplicationService.levelProblem(LegalForm.FOUNDATION, () -> Optional.of(LevelOfAssurance.EH2), EH2)
                .isEmpty(), "a municipality that asks EH2");
        assertEquals("-", ApplicationService.levelProblem(LegalForm.ASSOCIATION,
                () -> Optional.of(LevelOfAssurance.EH3), null).orElseThrow().args().get(1),
                "a local password where eHerkenning is required");
        assertTrue(ApplicationService.levelProblem(LegalForm.ASSOCIATION, () -> Optional.of(LevelOfAssurance.EH3),
                DIGID).isPresent(), "DigiD does not act for an organisation");
    }

    @Test
    void withoutEHerkenningOrForAResidentsGroupNothingIsRequired() {
        assertTrue(ApplicationService.levelProblem(LegalForm.FOUNDATION, Optional::empty, null).isEmpty(),
                "the demo and installations without a broker");
        assertTrue(ApplicationService.levelProblem(LegalForm.INFORMAL_GROUP, () -> Optional.of(LevelOfAssurance.EH3),
                DIGID).isEmpty());
        assertTrue(ApplicationService.levelProblem(null, () -> Optional.of(LevelOfAssurance.EH3), null).isEmpty(),
                "no legal form yet: the eligibility check refuses that itself");
    }
}
