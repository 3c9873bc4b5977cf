package nl.preventiefonds.decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import nl.preventiefonds.platform.Amsterdam;
import nl.preventiefonds.platform.DutchNumberWords;
import nl.preventiefonds.platform.LetterPdf;
import nl.preventiefonds.template.LetterKind;
import nl.preventiefonds.template.LetterText;
import nl.preventiefonds.template.LetterValues;

/**
 * The decision letter (beschikking tot subsidieverlening, or the rejection) as an A4 PDF. Always Dutch: it is a
 * formal document of a Dutch municipality. It carries the grounds (Awb 3:46), the amount in figures and words,
 * the obligations, the payment schedule, what must be reported before the determination (vaststelling) and the
 * objection clause (Awb 3:45, 6:5, 6:7).
 */
public final class DecisionLetter {
    private static final Locale NL = Amsterdam.DUTCH;

    private DecisionLetter() {
    }

    /** "beschikking-&lt;reference&gt;.pdf". */
    public static String filename(String reference) {
        return "beschikking-" + reference + ".pdf";
    }

    /** "beslissing-op-bezwaar-&lt;reference&gt;.pdf": the decision taken in place of one revoked on objection. */
    public static String filenameOnObjection(String reference) {
        return "beslissing-op-bezwaar-" + reference + ".pdf";
    }

    public static byte[] render(DecisionLetterData d) {
        return render(d, LetterPdf.Letterhead.NONE);
    }

    /** Under the municipality's letterhead (logo, address, contact details), with the built-in text. */
    public static byte[] render(DecisionLetterData d, LetterPdf.Letterhead letterhead) {
        return render(d, letterhead, LetterText.builtIn(kindOf(d.outcome())), null);
    }

    /** The template kind whose text a first decision with this outcome is made from. */
    public static LetterKind kindOf(DecisionOutcome outcome) {
        return switch (outcome) {
            case AWARD -> LetterKind.AWARD;
            case PARTIAL_AWARD -> LetterKind.PARTIAL_AWARD;
            case REJECT -> LetterKind.REJECTION;
        };
    }

    /**
     * Under the municipality's letterhead, addressed to {@code postalAddress} (null: the name alone), with the
     * opening and decision of a first decision from {@code template} (its label printed in the footer). A decision
     * on an objection keeps its fixed wording. The obligations, payment, reporting, objection clause and signature
     * are always the letter's own.
     */
    public static byte[] render(DecisionLetterData d, LetterPdf.Letterhead letterhead, LetterText template,
                                String postalAddress) {
        String municipality = d.municipalityName();
        String title = d.initiativeTitle();
        DecisionLetterData.OnObjection objection = d.onObjection();
        LetterPdf letter = LetterPdf.letter(new LetterPdf.Header(municipality, d.fundName(),
                        (objection == null ? "Beschikking " : "Beslissing op bezwaar ") + d.reference(), d.reference(),
                        d.letterDate(), d.applicantName(), d.contactName(),
                        objection == null ? "Besluit op uw subsidieaanvraag '" + title + "'"
                                : "Beslissing op uw bezwaar tegen ons besluit van "
                                + date(objection.contestedDecisionOn()), postalAddress), letterhead)
                .field("Subsidieronde", d.callTitle())
                .space();
        if (objection == null) {
            template.writeTo(letter, values(d, postalAddress));
        } else {
            onObjection(letter, d, objection);
        }

        if (d.outcome().grantsMoney()) {
            obligations(letter, d);
            payment(letter, d);
            accountability(letter, d);
        }
        if (objection == null) {
            ObjectionClause.write(letter, d.objectionDeadline(), d.objectionAddress(), d.municipalityName(),
                    d.reference());
        } else {
            ObjectionClause.writeAppeal(letter, d.objectionDeadline(), objection.appealCourt(), municipality);
        }

        letter.keepTogether(7) // the closing and signature stay on one page
                .space()
                .paragraph("Met vriendelijke groet,")
                .space()
                .paragraph(orDefault(d.signatory(), "") + "\nnamens het college van burgemeester en wethouders van "
                        + municipality);
        return letter.toBytes(objection == null ? template.footerPattern() : "Pagina %d van %d");
    }

    /** The placeholders' values of a first decision; a partial award and a rejection always state a reason. */
    static Map<String, String> values(DecisionLetterData d, String postalAddress) {
        String reasons = d.outcome() == DecisionOutcome.AWARD ? d.reasons() : orDefault(d.reasons(), "-");
        return LetterValues.of(d.applicantName(), d.contactName(), postalAddress, d.initiativeTitle(), d.reference(),
                d.callTitle(), d.municipalityName(), d.fundName(), d.letterDate(),
                d.outcome().grantsMoney() ? d.awardedAmount() : null, d.requestedAmount(), reasons, d.legalBasis())
                .asMap();
    }

    /** The fixed wording of a decision taken in place of one revoked on objection. */
    private static void onObjection(LetterPdf letter, DecisionLetterData d, DecisionLetterData.OnObjection objection) {
        String title = d.initiativeTitle();
        letter.paragraph("Geachte heer, mevrouw,");
        // Awb 7:11: on an upheld objection the contested decision is revoked and a new one takes its place.
        letter.paragraph("U heeft op " + date(objection.objectionReceivedOn()) + " bezwaar gemaakt tegen ons"
                        + " besluit van " + date(objection.contestedDecisionOn()) + " op uw subsidieaanvraag"
                        + " voor '" + title + "'. In deze brief leest u onze beslissing op uw bezwaar.")
                .heading("Beslissing op bezwaar")
                .paragraph("Wij verklaren uw bezwaar " + (objection.partly() ? "gedeeltelijk " : "")
                        + "gegrond. Wij herroepen ons besluit van " + date(objection.contestedDecisionOn())
                        + " en nemen daarvoor in de plaats het besluit hieronder (artikel 7:11 Algemene wet"
                        + " bestuursrecht). Dit besluit vervangt het besluit van "
                        + date(objection.contestedDecisionOn()) + ".");
        letter.heading("Besluit");
        switch (d.outcome()) {
            case AWARD -> {
                letter.paragraph(awardSentence(d));
                if (!blank(d.reasons())) {
                    letter.paragraph(d.reasons());
                }
            }
            case PARTIAL_AWARD -> letter.paragraph(awardSentence(d))
                    .paragraph("U vroeg " + euros(d.requestedAmount()) + ". Wij verlenen een lager bedrag, om de"
                            + " volgende reden:")
                    .paragraph(orDefault(d.reasons(), "-"));
            case REJECT -> letter
                    .paragraph("U vroeg een subsidie van " + euros(d.requestedAmount()) + " voor " + title
                            + ". Wij wijzen uw aanvraag af.")
                    .heading("Waarom")
                    .paragraph(orDefault(d.reasons(), "-"));
        }
        letter.paragraph("Dit besluit is genomen op grond van "
                + (blank(d.legalBasis()) ? "" : d.legalBasis() + " en ")
                + "titel 4.2 van de Algemene wet bestuursrecht.");
    }

    private static String awardSentence(DecisionLetterData d) {
        return "Wij verlenen u een subsidie van " + euros(d.awardedAmount()) + " (zegge: "
                + DutchNumberWords.euros(d.awardedAmount()) + ") voor " + d.initiativeTitle() + ".";
    }

    private static void obligations(LetterPdf letter, DecisionLetterData d) {
        letter.heading("Verplichtingen");
        if (d.obligations().isEmpty()) {
            letter.paragraph("U voert de activiteiten uit zoals beschreven in uw aanvraag.");
        } else {
            letter.paragraph("Aan deze subsidie zijn de volgende verplichtingen verbonden (artikel 4:37 en 4:38"
                    + " Algemene wet bestuursrecht):");
            d.obligations().forEach(letter::bullet);
            letter.space();
        }
        letter.paragraph("Kunt u de activiteiten niet, niet op tijd of niet helemaal uitvoeren, of verandert er iets"
                + " belangrijks, laat het ons dan direct weten (artikel 4:38 Algemene wet bestuursrecht).");
    }

    private static void payment(LetterPdf letter, DecisionLetterData d) {
        letter.heading("Betaling");
        BigDecimal scheduled = BigDecimal.ZERO;
        if (d.schedule().isEmpty()) {
            letter.paragraph("Wij betalen het hele bedrag nadat wij de subsidie hebben vastgesteld.");
        } else {
            letter.paragraph("Wij betalen de subsidie als volgt uit:");
            for (DecisionLetterData.Tranche tranche : d.schedule()) {
                letter.bullet(tranche.label() + ": " + euros(tranche.amount()) + ", uiterlijk "
                        + date(tranche.dueOn()));
                scheduled = scheduled.add(tranche.amount());
            }
            letter.space();
            BigDecimal rest = d.awardedAmount().subtract(scheduled);
            if (rest.signum() > 0) {
                letter.paragraph("Het resterende bedrag van " + euros(rest) + " betalen wij nadat wij de subsidie"
                        + " hebben vastgesteld (vaststelling).");
            }
        }
        letter.paragraph("De betalingen zijn voorschotten. Bij de vaststelling bepalen wij het definitieve bedrag."
                + " Dat kan lager zijn als activiteiten niet zijn uitgevoerd of verplichtingen niet zijn nagekomen"
                + " (artikel 4:46 Algemene wet bestuursrecht). Wat u dan te veel heeft ontvangen, vorderen wij terug."
                + " Een bedrag dat u nog krijgt, betalen wij binnen vier weken na de vaststelling.");
    }

    private static void accountability(LetterPdf letter, DecisionLetterData d) {
        letter.heading("Verantwoording");
        String due = date(d.reportDueOn());
        String activities = " Beschrijf daarin welke activiteiten u heeft uitgevoerd, hoeveel deelnemers en"
                + " vrijwilligers u heeft bereikt en wat de activiteiten hebben opgeleverd.";
        String financial = " In het financieel verslag zet u de werkelijke kosten en inkomsten naast uw begroting.";
        String determination = " Daarna stellen wij de subsidie vast.";
        letter.paragraph(switch (d.reportKind()) {
            case NONE -> "U hoeft geen verantwoording af te leggen; wij stellen de subsidie direct vast. Wel kunnen"
                    + " wij u later vragen aan te tonen dat de activiteiten zijn uitgevoerd. Bewaar daarom uw"
                    + " administratie.";
            case ACTIVITY_REPORT -> "Stuur uiterlijk " + due + " een activiteitenverslag." + activities
                    + determination;
            case ACTIVITY_AND_FINANCIAL_REPORT -> "Stuur uiterlijk " + due + " een activiteitenverslag en een"
                    + " financieel verslag." + activities + financial + determination;
            case ACCOUNTANT_STATEMENT -> "Stuur uiterlijk " + due + " een activiteitenverslag en een financieel"
                    + " verslag, met een controleverklaring van een accountant over het financieel verslag."
                    + activities + financial + determination;
        });
    }

    private static String euros(BigDecimal amount) {
        return Amsterdam.euros(amount, NL);
    }

    private static String date(LocalDate date) {
        return Amsterdam.longDate(date, NL);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String orDefault(String text, String fallback) {
        return blank(text) ? fallback : text;
    }
}
