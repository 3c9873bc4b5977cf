package nl.preventiefonds.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.preventiefonds.fund.Neighbourhood;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.LetterPdf;

/**
 * The receipt (ontvangstbevestiging) an organiser gets on submission. Always Dutch: it is a
 * formal document of a Dutch municipality (Awb 4:3a requires confirming receipt).
 */
public final class ReceiptLetter {
    private static final Locale NL = Amsterdam.DUTCH;

    private ReceiptLetter() {
    }

    public static String filename(Application application) {
        return "ontvangstbevestiging-" + application.getReference() + ".pdf";
    }

    public static byte[] render(Application application, List<String> attachmentNames, Instant submittedAt,
                                LocalDate decisionDueOn) {
        return render(application, attachmentNames, submittedAt, decisionDueOn,
                application.getCall().getFund().getMunicipality().letterhead(null));
    }

    /** Under the municipality's letterhead (logo, address, contact details). */
    public static byte[] render(Application application, List<String> attachmentNames, Instant submittedAt,
                                LocalDate decisionDueOn, LetterPdf.Letterhead letterhead) {
        String municipality = application.getCall().getFund().getMunicipality().getName();
        LetterPdf letter = LetterPdf.letter(new LetterPdf.Header(municipality,
                        application.getCall().getFund().getName(), "Ontvangstbevestiging " + application.getReference(),
                        application.getReference(), LocalDate.ofInstant(submittedAt, Amsterdam.ZONE),
                        application.getOrganisationName(), application.getContactName(),
                        "Ontvangstbevestiging van uw subsidieaanvraag '" + application.getTitle() + "'",
                        application.postalAddress()), letterhead)
                .field("Ontvangen op", Amsterdam.longDateTime(submittedAt, NL))
                .field("Subsidieronde", application.getCall().getTitle())
                .field("Initiatief", application.getTitle())
                .field("Gevraagd bedrag", Amsterdam.euros(application.getRequestedAmount(), NL))
                .field("Totale kosten", Amsterdam.euros(application.getTotalCosts(), NL))
                .field("Cofinanciering", Amsterdam.euros(application.getCoFunding(), NL))
                .field("Wijken", application.sortedNeighbourhoods().stream().map(Neighbourhood::getName)
                        .collect(Collectors.joining(", ")))
                .field("Periode", Amsterdam.longDate(application.getStartDate(), NL) + " tot en met "
                        + Amsterdam.longDate(application.getEndDate(), NL))
                .field("Uiterste beslisdatum", Amsterdam.longDate(decisionDueOn, NL))
                .space()
                .heading("Samenvatting")
                .paragraph(application.getSummary());
        if (!attachmentNames.isEmpty()) {
            letter.heading("Meegestuurde bijlagen");
            attachmentNames.forEach(letter::bullet);
        }
        letter.heading("Wat gebeurt er nu?")
                .paragraph("Wij hebben uw aanvraag in goede orde ontvangen. Wij controleren eerst of uw aanvraag"
                        + " volledig is. Ontbreekt er informatie, dan vragen wij u die aan te vullen; de beslistermijn"
                        + " wordt dan opgeschort tot u de informatie heeft gestuurd (artikel 4:15 Algemene wet"
                        + " bestuursrecht). De uiterste beslisdatum schuift in dat geval op.")
                .paragraph("Wij beslissen uiterlijk op de hierboven genoemde datum over uw aanvraag ("
                        + application.getCall().getDecisionTermWeeks() + " weken na ontvangst). U kunt de"
                        + " voortgang volgen op uw overzicht in het Preventiefonds.")
                .paragraph("Bewaar deze bevestiging. Noem bij vragen altijd het referentienummer "
                        + application.getReference() + ".");
        return letter.toBytes("Pagina %d van %d");
    }
}
