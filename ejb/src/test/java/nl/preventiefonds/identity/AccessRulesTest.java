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
    private static final Caller OFFICER = new Caller(5L, "adviseur@x.nl", Role.OFFICER, null);

    @Test
    void anOrganiserSeesOnlyOwnObjects() {
        assertTrue(AccessRules.mayView(ANNA, 1L, Set.of()));
        assertFalse(AccessRules.mayView(BERT, 1L, Set.of()));
        assertFalse(AccessRules.mayView(ANNA, null, Set.of()));
    }

    @Test
    void aPartnerSeesObjectsThatNameItsOrganisation() {
        assertTrue(AccessRules.mayView(LIBRARY, 1L, List.of(10L, 12L)));
        assertFalse(AccessRules.mayView(WELFARE, 1L, List.of(10L, 12L)));
        assertFalse(AccessRules.mayView(WELFARE, 1L, null));
    }

    @Test
    void staffSeeEverythingAnonymousNothing() {
        assertTrue(AccessRules.mayView(OFFICER, 1L, Set.of()));
        assertFalse(AccessRules.mayView(Caller.ANONYMOUS, 1L, Set.of()));
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
