package nl.preventiefonds.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.preventiefonds.call.CallAdministration;
import nl.preventiefonds.call.CallForm;
import nl.preventiefonds.call.Theme;
import nl.preventiefonds.fund.FundAdministration;
import nl.preventiefonds.fund.FundForm;
import nl.preventiefonds.fund.NeighbourhoodAdministration;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.identity.PartnerAdministration;
import nl.preventiefonds.identity.PartnerForm;
import nl.preventiefonds.platform.RoleNames;
import org.jboss.ejb3.annotation.RunAsPrincipal;

/**
 * Stichtse Vecht's part of the demo world, set up as its fund manager sets a municipality up on the screens: the
 * kernen as neighbourhoods (imported from a CBS-shaped file), the Vitale Coalitie's partner organisations, its fund with its year budgets and an open call, all through the
 * services the pages use (their checks, scoping and audit trail included), acting as the demo fund manager.
 */
@Stateless
@PermitAll
@RunAs(RoleNames.FUND_MANAGER)
@RunAsPrincipal(StichtseVechtDemo.FUND_MANAGER)
public class StichtseVechtDemo {
    public static final String CODE = "GM1904";
    public static final String FUND_MANAGER = "beheerder@stichtsevecht.demo.preventiefonds.nl";

    /** The kernen with their residents, shaped like CBS's Kerncijfers wijken en buurten; made-up figures. */
    static final String NEIGHBOURHOODS_CSV = "kerncijfers-wijken-stichtse-vecht-demo.csv";

    @Inject
    private NeighbourhoodAdministration neighbourhoods;

    @Inject
    private FundAdministration funds;

    @Inject
    private CallAdministration calls;

    @Inject
    private PartnerAdministration partners;

    /** The Vitale Coalitie: its partner organisations and what they do. */
    static final Map<String, String> COALITION = coalition();

    private static Map<String, String> coalition() {
        Map<String, String> coalition = new LinkedHashMap<>();
        coalition.put("Bibliotheek Angstel, Vecht en Venen", "library");
        coalition.put("Kwadraad maatschappelijk werk", "social-work");
        coalition.put("Handjehelpen", "volunteer-help");
        coalition.put("Welzijn Stichtse Vecht", "welfare");
        coalition.put("Leef", "health");
        coalition.put("Jeugd-Punt", "youth-work");
        return coalition;
    }

    /**
     * Neighbourhoods, the Vitale Coalitie's partners, fund and open call of Stichtse Vecht, as on the screens; today
     * is the demo's today. Answers the id of the coalition partner whose demo account reports for it (Kwadraad).
     */
    public long setUp(LocalDate today) {
        Long reporting = null;
        for (Map.Entry<String, String> organisation : COALITION.entrySet()) {
            PartnerForm partner = new PartnerForm();
            partner.setName(organisation.getKey() + DemoWorld.DEMO_MARK);
            partner.setKind(organisation.getValue());
            partner.setCoalitionMember(true);
            long id = partners.save(partner);
            if (organisation.getValue().equals("social-work")) {
                reporting = id;
            }
        }
        // The kernen and their residents from a CBS-shaped file, as the fund manager imports them.
        DemoWorld.requireStored(neighbourhoods.importCsv(DemoWorld.resource(NEIGHBOURHOODS_CSV), false),
                NEIGHBOURHOODS_CSV);
        List<Long> kernIds = neighbourhoods.neighbourhoods().stream().map(Neighbourhood::getId).toList();

        FundForm fund = new FundForm();
        fund.setName("Vitale Coalitie Stichtse Vecht");
        fund.setDescription("De gemeente en haar coalitiepartners plannen en financieren samen de sociale basis in de"
                + " kernen: preventie voor jeugd, ouderen en huishoudens met geldzorgen." + DemoWorld.DEMO_MARK);
        fund.setTotalBudget(new BigDecimal("600000.00"));
        fund.setYears(new ArrayList<>(List.of(
                new FundForm.YearRow(today.getYear(), new BigDecimal("300000.00")),
                new FundForm.YearRow(today.getYear() + 1, new BigDecimal("300000.00")))));
        long fundId = funds.save(fund);

        CallForm call = CallForm.withDefaults(fundId);
        call.setTitle("Samen preventief in de kernen " + today.getYear());
        call.setDescription("Voor initiatieven van inwoners en coalitiepartners die jongeren laten meedoen, ouderen"
                + " ontmoeting bieden of geldzorgen vroeg signaleren." + DemoWorld.DEMO_MARK);
        call.setOpensAt(today.minusWeeks(2).atStartOfDay());
        call.setClosesAt(today.plusMonths(2).atTime(17, 0));
        call.setMinAmount(new BigDecimal("1000.00"));
        call.setMaxAmount(new BigDecimal("25000.00"));
        call.setBudgetYear(today.getYear());
        call.setBudget(new BigDecimal("150000.00"));
        call.setThemes(EnumSet.of(Theme.YOUTH_PARTICIPATION, Theme.LONELINESS, Theme.DEBT_PREVENTION,
                Theme.MEETING_PLACE));
        call.setNeighbourhoodIds(kernIds);
        calls.save(call);
        return reporting;
    }
}
