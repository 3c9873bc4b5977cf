package nl.preventiefonds.identity;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessRulesTest {
    private static final Caller ANNA = new Caller(1L, "anna@x.nl", Role.ORGANISER, null);
    private static final Caller BERT = new Caller(2L, "bert@x.nl", Role.ORGANISER, null);
    private static final Caller LIBRARY = new Caller(3L, "bieb@x.nl", Role.PARTNER, 10L);
    private static final Caller WELFARE = new Caller(4L, "welzijn@x.nl", Role.PARTNER, 11L);
    private static final long ASSEN = 1;
    private static final long STICHTSE_VECHT = 2;
    private static final Caller OFFICER = new Caller(5L, "adviseur@x.nl", Role.OFFICER, null, ASSEN);
    private static final Caller OTHER_OFFICER = new Caller(6L, "adviseur@sv.nl", Role.OFFICER, null, STICHTSE_VECHT);
    private static final Caller NOWHERE = new Caller(7L, "los@x.nl", Role.FUND_MANAGER, null, null);

    @Test
    void anOrganiserSeesOnlyOwnObjects() {
        assertTrue(AccessRules.mayView(ANNA, 1L, Set.of(), ASSEN));
        assertTrue(AccessRules.mayView(ANNA, 1L, Set.of(), STICHTSE_VECHT), "in every municipality");
        assertFalse(AccessRules.mayView(BERT, 1L, Set.of(), ASSEN));
        assertFalse(AccessRules.mayView(ANNA, null, Set.of(), ASSEN));
    }

    @Test
    void aRepresentativeOfTheOrganisationSeesItsApplicationsAndEditsItsDraftsOnly() {
        assertTrue(AccessRules.mayView(BERT, 1L, true, Set.of(), ASSEN), "acts for the organisation of Anna's");
        assertFalse(AccessRules.mayView(BERT, 1L, false, Set.of(), ASSEN));
        assertFalse(AccessRules.mayView(LIBRARY, 1L, true, Set.of(), ASSEN), "only organisers act for organisations");
        assertFalse(AccessRules.mayView(OTHER_OFFICER, 1L, true, Set.of(), ASSEN), "staff stay in their municipality");
        assertTrue(AccessRules.mayEditDraft(BERT, 1L, true, true));
        assertFalse(AccessRules.mayEditDraft(BERT, 1L, true, false), "after submission only its author");
        assertFalse(AccessRules.mayEditDraft(BERT, 1L, false, true));
        assertTrue(AccessRules.mayEditDraft(ANNA, 1L, false, false), "the author keeps access as before");
        assertFalse(AccessRules.mayEditDraft(OFFICER, 1L, true, true));
    }

    @Test
    void aPartnerSeesObjectsThatNameItsOrganisation() {
        assertTrue(AccessRules.mayView(LIBRARY, 1L, List.of(10L, 12L), STICHTSE_VECHT));
        assertFalse(AccessRules.mayView(WELFARE, 1L, List.of(10L, 12L), STICHTSE_VECHT));
        assertFalse(AccessRules.mayView(WELFARE, 1L, null, STICHTSE_VECHT));
    }

    @Test
    void staffSeeTheirOwnMunicipalitysObjectsAnonymousNothing() {
        assertTrue(AccessRules.mayView(OFFICER, 1L, Set.of(), ASSEN));
        assertFalse(AccessRules.mayView(OFFICER, 1L, Set.of(), STICHTSE_VECHT));
        assertTrue(AccessRules.mayView(OTHER_OFFICER, 1L, Set.of(), STICHTSE_VECHT));
        assertFalse(AccessRules.mayView(OTHER_OFFICER, 1L, Set.of(), ASSEN));
        assertFalse(AccessRules.mayView(NOWHERE, 1L, Set.of(), ASSEN), "staff of no municipality see nothing");
        assertFalse(AccessRules.mayView(OFFICER, 1L, Set.of(), null));
        assertFalse(AccessRules.mayView(Caller.ANONYMOUS, 1L, Set.of(), ASSEN));
    }

    @Test
    void onlyStaffOfAnotherMunicipalityAreAnsweredAsIfTheObjectDidNotExist() {
        assertTrue(AccessRules.isOtherMunicipalitysStaff(OTHER_OFFICER, ASSEN));
        assertTrue(AccessRules.isOtherMunicipalitysStaff(NOWHERE, ASSEN));
        assertFalse(AccessRules.isOtherMunicipalitysStaff(OFFICER, ASSEN));
        assertFalse(AccessRules.isOtherMunicipalitysStaff(ANNA, STICHTSE_VECHT), "organisers apply anywhere");
        assertFalse(AccessRules.isOtherMunicipalitysStaff(LIBRARY, STICHTSE_VECHT));
    }

    @Test
    void onlyTheOwningOrganiserEditsAsOwner() {
        assertTrue(AccessRules.mayEditAsOwner(ANNA, 1L));
        assertFalse(AccessRules.mayEditAsOwner(BERT, 1L));
        assertFalse(AccessRules.mayEditAsOwner(OFFICER, 1L), "staff do not edit an organiser's draft");
    }

    @Test
    void roleChecks() {
        assertTrue(AccessRules.hasAnyRole(OFFICER, Role.OFFICER, Role.DECISION_MAKER));
        assertFalse(AccessRules.hasAnyRole(ANNA, Role.OFFICER, Role.DECISION_MAKER));
        assertFalse(AccessRules.hasAnyRole(Caller.ANONYMOUS, Role.values()));
    }
}
